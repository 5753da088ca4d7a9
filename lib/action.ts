import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { withSystem, withTenant, type Tx } from "@/db/tenant";
import { REFUSED_WHILE_IMPERSONATING } from "./admin/impersonation";
import { assertAdmin } from "./admin/require-admin";
import { deviceOf } from "./auth/request-info";
import { getSession, type Session } from "./auth/session";
import { AppError, internalError, type ErrorBody } from "./errors";
import { log } from "./log";
import { inOrg, userPrincipal } from "./orgs/in-org";
import type { OrgContext } from "./orgs/membership";
import type { Permission } from "./orgs/permissions";
import { withOutbox } from "./outbox";
import { requestIdFrom, runWithRequestContext } from "./request-context";
import { parseInput } from "./validation";

/** What a form's `useActionState` holds: nothing yet, a success (with data), or the one error shape. */
export type ActionState<T = unknown> = null | ({ ok: true; data: T; message?: string }) | ({ ok: false } & ErrorBody);

type Common<S extends z.ZodType> = { input: z.output<S>; requestId: string };
type SignedIn<S extends z.ZodType> = Common<S> & { session: Session };
type InOrg<S extends z.ZodType> = SignedIn<S> & { org: OrgContext };

type Options<S extends z.ZodType, T, C> = {
  /** Parses the form (use `z.coerce` for non-strings: form fields are always strings). */
  schema: S;
  /**
   * Where to go after success. It runs after the transaction committed and the afterCommit callbacks ran, so it
   * may read the cache or the database (the organizations left after leaving one) and never races the commit.
   */
  redirectTo?: (result: T, ctx: C) => string | undefined | Promise<string | undefined>;
  /** Shown by the form on success. */
  successMessage?: string;
};

function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/** The signed-in caller, or `unauthorized`. */
async function requireCaller(): Promise<Session> {
  const session = await getSession();
  if (!session) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
  return session;
}

/** The error state a form shows: an AppError as itself, anything else logged and made generic. */
function failure(err: unknown, requestId: string): ActionState<never> {
  if (err instanceof AppError) return { ok: false, ...err.toBody() };
  log.error({ err, requestId }, "unhandled error in action");
  return { ok: false, ...internalError().toBody() };
}

/**
 * Runs one action: request context, parsed input, `body` as a unit of work (events published and afterCommit
 * callbacks run once it committed), then the redirect or the success state. `body` returns its result and the
 * context `redirectTo` receives.
 */
async function run<S extends z.ZodType, T, C>(
  options: Options<S, T, C>,
  form: FormData,
  body: (common: Common<S>) => Promise<{ result: T; ctx: C }>,
  /** Runs before the input is parsed: an entry point that must not exist for the caller answers before validating. */
  gate?: () => Promise<void>,
): Promise<ActionState<T>> {
  const h = await headers();
  const requestId = requestIdFrom(h);
  let to: string | undefined;
  let result: T;
  try {
    ({ result, to } = await runWithRequestContext({ requestId, ...deviceOf(h) }, async () => {
      await gate?.();
      const done = await withOutbox(() => body({ input: parseInput(options.schema, formToObject(form)), requestId }));
      return { result: done.result, to: await options.redirectTo?.(done.result, done.ctx) };
    }));
  } catch (err) {
    unstable_rethrow(err);
    return failure(err, requestId);
  }
  if (to) redirect(to);
  return { ok: true, data: result, ...(options.successMessage ? { message: options.successMessage } : {}) };
}

/** A server action anyone may call (sign-in, sign-up): parse, then the handler. */
export function publicAction<S extends z.ZodType, T>(options: Options<S, T, Common<S>>, handler: (ctx: Common<S>) => Promise<T>) {
  return (_prev: ActionState<T>, form: FormData) => run(options, form, async (ctx) => ({ result: await handler(ctx), ctx }));
}

/**
 * A server action of a signed-in person, outside any organization (account settings, creating an org). With
 * `refuseWhileImpersonating`, a platform admin signed in as the person is refused (their password, email,
 * two-factor and the account's deletion stay theirs).
 */
export function userAction<S extends z.ZodType, T>(
  options: Options<S, T, SignedIn<S>> & { refuseWhileImpersonating?: boolean },
  handler: (ctx: SignedIn<S>) => Promise<T>,
) {
  return (_prev: ActionState<T>, form: FormData) =>
    run(
      options,
      form,
      async (common) => {
        const ctx = { ...common, session: await requireCaller() };
        return { result: await handler(ctx), ctx };
      },
      // Refused whatever was typed: the answer is about who is asking, not about the form.
      options.refuseWhileImpersonating
        ? async () => {
            if ((await getSession())?.impersonator) throw new AppError("forbidden", REFUSED_WHILE_IMPERSONATING);
          }
        : undefined,
    );
}

/**
 * The server action of Keel's one shape, for organization data: parse the form, load the session, resolve the
 * organization from the form's `orgSlug` with `inOrg` (not a member: not_found, so slugs don't leak; no
 * `permission`: forbidden; absent: any member may, e.g. to leave), then run the handler inside `withTenant`; events
 * it enqueues are published, and callbacks it registers with `afterCommit` run, after commit.
 */
export function action<S extends z.ZodType, T, P = undefined>(
  options: Options<S, T, InOrg<S>> & {
    permission?: Permission;
    /**
     * Work for the handler that must not run inside its transaction (a DNS lookup: a slow resolver must never hold
     * a pooled connection), done once the caller is allowed, before the transaction opens; the handler gets its
     * result as `prepared`.
     */
    prepare?: (ctx: InOrg<S>) => Promise<P>;
  },
  handler: (ctx: InOrg<S> & { tx: Tx; prepared: P }) => Promise<T>,
) {
  return (_prev: ActionState<T>, form: FormData) =>
    run(options, form, async (common) => {
      const session = await requireCaller();
      const org = await inOrg(userPrincipal(session), form.get("orgSlug"), options.permission);
      const ctx = { ...common, session, org };
      const prepared = (options.prepare ? await options.prepare(ctx) : undefined) as P;
      const result = await withTenant({ orgId: org.orgId, userId: org.userId }, (tx) => handler({ ...ctx, tx, prepared }));
      return { result, ctx };
    });
}

/**
 * A server action of the admin console: the caller must be a platform admin (anyone else, signed out included, gets
 * not_found, as the pages answer 404), then the handler runs in one `withSystem` transaction named `name`, so what
 * it changes and the audit entry it records (`recordAdminAudit`) commit together.
 */
export function adminAction<S extends z.ZodType, T>(
  options: Options<S, T, SignedIn<S>> & { /** Logged as the reason for writing around RLS. */ name: string },
  handler: (ctx: SignedIn<S> & { tx: Tx }) => Promise<T>,
) {
  return (_prev: ActionState<T>, form: FormData) => {
    let admin: Session | null = null;
    return run(
      options,
      form,
      async (common) => {
        const ctx = { ...common, session: admin! };
        const result = await withSystem(`admin action: ${options.name}`, (tx) => handler({ ...ctx, tx }));
        return { result, ctx };
      },
      // Before the form is parsed: to anyone else the action answers not_found, never a validation error.
      async () => {
        admin = await getSession();
        assertAdmin(admin);
      },
    );
  };
}
