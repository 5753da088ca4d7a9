import { randomUUID } from "node:crypto";
import type { ActionState } from "@/lib/action";

/**
 * The request scope a server action, page or layout sees, for tests that call them directly: the caller's session
 * cookie (`requestScope.token`) and a few headers. A test file mocks Next's modules with these:
 *
 *     vi.mock("next/headers", async () => (await import("@/test/next-request")).nextHeaders);
 *     vi.mock("next/cache", async () => (await import("@/test/next-request")).nextCache);
 */
export const requestScope = { token: "" };

export const nextHeaders = {
  cookies: async () => ({
    get: (name: string) => (name.endsWith("keel.session") && requestScope.token ? { name, value: requestScope.token } : undefined),
    set: () => {},
    delete: () => {},
    has: () => Boolean(requestScope.token),
  }),
  headers: async () => new Headers({ "x-request-id": `test-${randomUUID()}`, "user-agent": "vitest", "x-forwarded-for": "10.9.8.7" }),
};

export const nextCache = { revalidatePath: () => {}, revalidateTag: () => {} };

type Action = (prev: ActionState<never>, form: FormData) => Promise<ActionState<unknown>>;

/** Submits `fields` to a server action as the caller of `requestScope`; a redirect comes back as `{ redirectedTo }`. */
export async function submit(action: Action, fields: Record<string, string>): Promise<ActionState<unknown> | { redirectedTo: string }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  try {
    return await action(null, form);
  } catch (err) {
    // redirect() throws; its digest is "NEXT_REDIRECT;<type>;<url>;<status>;".
    const digest = String((err as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT;")) return { redirectedTo: digest.split(";")[2]! };
    throw err;
  }
}

/** The error code of an action's state, or "ok" (a redirect is a success). */
export const codeOf = (state: Awaited<ReturnType<typeof submit>>) => (state && "ok" in state && !state.ok ? state.error.code : "ok");
