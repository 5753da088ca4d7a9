import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { withTenant, type Tx } from "@/db/tenant";
import { deviceOf } from "./auth/request-info";
import { getSession, type Session } from "./auth/session";
import { AppError, internalError, type ErrorBody } from "./errors";
import { log } from "./log";
import { findOrgContext, assertCan, type OrgContext } from "./orgs/membership";
import type { Permission } from "./orgs/permissions";
import { withOutbox } from "./outbox";
import { requestIdFrom, runWithRequestContext } from "./request-context";
import { parseInput } from "./validation";

/** What a form's `useActionState` holds: nothing yet, a success (with data), or the one error shape. */
export type ActionState<T = unknown> = null | ({ ok: true; data: T; message?: string }) | ({ ok: false } & ErrorBody);

type Common<S extends z.ZodType> = { input: z.output<S>; requestId: string };
type SignedIn<S extends z.ZodType> = Common<S> & { session: Session };
type InOrg<S extends z.ZodType> = SignedIn<S> & { org: OrgContext; tx: Tx };

type Options<S extends z.ZodType, T> = {
  /** Parses the form (use `z.coerce` for non-strings: form fields are always strings). */
  schema: S;
  /** Where to go after success (outside the transaction, so the redirect never races the commit). */
  redirectTo?: (result: T) => string | undefined;
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

async function run<S extends z.ZodType, T>(
  options: Options<S, T>,
  form: FormData,
  body: (common: Common<S>) => Promise<T>,
): Promise<ActionState<T>> {
  const h = await headers();
  const requestId = requestIdFrom(h);
  let result: T;
  try {
    result = await runWithRequestContext({ requestId, ...deviceOf(h) }, () =>
      withOutbox(async () => body({ input: parseInput(options.schema, formToObject(form)), requestId })),
    );
  } catch (err) {
    unstable_rethrow(err);
    if (err instanceof AppError) return { ok: false, ...err.toBody() };
    log.error({ err, requestId }, "unhandled error in action");
    return { ok: false, ...internalError().toBody() };
  }
  const to = options.redirectTo?.(result);
  if (to) redirect(to);
  return { ok: true, data: result, ...(options.successMessage ? { message: options.successMessage } : {}) };
}

/** A server action anyone may call (sign-in, sign-up): parse, then the handler. */
export function publicAction<S extends z.ZodType, T>(options: Options<S, T>, handler: (ctx: Common<S>) => Promise<T>) {
  return (_prev: ActionState<T>, form: FormData) => run(options, form, handler);
}

/** A server action of a signed-in person, outside any organization (account settings, creating an org). */
export function userAction<S extends z.ZodType, T>(options: Options<S, T>, handler: (ctx: SignedIn<S>) => Promise<T>) {
  return (_prev: ActionState<T>, form: FormData) =>
    run(options, form, async (common) => {
      const session = await getSession();
      if (!session) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
      return handler({ ...common, session });
    });
}

/**
 * The server action of Keel's one shape, for organization data: parse the form, load the session, resolve the
 * organization from the form's `orgSlug` and the caller's membership (not a member: not_found, so slugs don't
 * leak), check `permission` (absent: any member may, e.g. to leave), then run the handler inside `withTenant`; events it
 * enqueues are published, and callbacks it registers with `afterCommit` run, after commit.
 */
export function action<S extends z.ZodType, T>(
  options: Options<S, T> & { permission?: Permission },
  handler: (ctx: InOrg<S>) => Promise<T>,
) {
  return (_prev: ActionState<T>, form: FormData) =>
    run(options, form, async (common) => {
      const session = await getSession();
      if (!session) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
      const slug = form.get("orgSlug");
      const org = typeof slug === "string" ? await findOrgContext(session.user.id, slug) : null;
      if (!org) throw new AppError("not_found", "Not found.");
      if (options.permission) assertCan(org, options.permission);
      return withTenant({ orgId: org.orgId, userId: session.user.id }, (tx) => handler({ ...common, session, org, tx }));
    });
}
