import { env } from "@/lib/env";

/** Whether cookies must be `Secure`: in production, unless AUTH_URL is plain http (a local production build). */
export function secureCookies(): boolean {
  const { NODE_ENV, AUTH_URL } = env();
  return NODE_ENV === "production" && !AUTH_URL?.startsWith("http://");
}

/**
 * The session cookie: an opaque token naming a row in `sessions`; httpOnly, sameSite=lax, secure in production.
 * Getters, so the environment is read on first use and never while Next evaluates modules for a build.
 */
export const sessionCookie = {
  get name() {
    return secureCookies() ? "__Secure-keel.session" : "keel.session";
  },
  get options() {
    return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies() };
  },
};

/** How long a session lives without use, and how often its expiry is pushed forward. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;

/**
 * While a platform admin impersonates someone, their own session token waits here (httpOnly, never readable by the
 * page), and comes back as the session cookie when they stop, or when the impersonation ends on its own.
 */
export const impersonationReturnCookie = {
  get name() {
    return secureCookies() ? "__Secure-keel.admin-session" : "keel.admin-session";
  },
  get options() {
    return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies() };
  },
};
