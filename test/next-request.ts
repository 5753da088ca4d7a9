import { randomUUID } from "node:crypto";
import type { ActionState } from "@/lib/action";

/**
 * The request scope a server action, page or layout sees, for tests that call them directly: the caller's session
 * cookie (`requestScope.token`) and a few headers. A test file mocks Next's modules with these:
 *
 *     vi.mock("next/headers", async () => (await import("@/test/next-request")).nextHeaders);
 *     vi.mock("next/cache", async () => (await import("@/test/next-request")).nextCache);
 */
export const requestScope = { token: "", jar: new Map<string, string>() };

// The session cookie comes from `requestScope.token`; every other cookie an action sets (a two-factor challenge, a
// remembered device) lands in `requestScope.jar` and is read back from it, as a browser would send it.
export const nextHeaders = {
  cookies: async () => ({
    get: (name: string) => {
      if (name.endsWith("keel.session") && requestScope.token) return { name, value: requestScope.token };
      const value = requestScope.jar.get(name);
      return value === undefined ? undefined : { name, value };
    },
    set: (name: string, value: string) => {
      requestScope.jar.set(name, value);
    },
    delete: (name: string) => {
      requestScope.jar.delete(name);
    },
    has: (name: string) => (name.endsWith("keel.session") && Boolean(requestScope.token)) || requestScope.jar.has(name),
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
