/** Whether cookies must be `Secure`: everywhere but plain-http development and tests. */
export const secureCookies = process.env.NODE_ENV === "production" && !/^http:\/\//.test(process.env.AUTH_URL ?? "https://");

/** The session cookie: an opaque token naming a row in `sessions`; httpOnly, sameSite=lax, secure in production. */
export const sessionCookie = {
  name: secureCookies ? "__Secure-keel.session" : "keel.session",
  options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies },
};

/** How long a session lives without use, and how often its expiry is pushed forward. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;
