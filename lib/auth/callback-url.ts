/**
 * A callback URL the app may redirect to: a same-origin relative path only ("/acme/projects?x=1"), never
 * "//evil.test", "/\\evil.test" or an absolute URL, so sign-in can't be used as an open redirect.
 */
export function safeCallbackUrl(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  try {
    const url = new URL(value, "http://keel.invalid");
    if (url.origin !== "http://keel.invalid") return null;
    if (url.pathname.startsWith("/api/auth")) return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}

/**
 * `path` with `callbackUrl` carried along as its query parameter (when it is safe), so a journey that passes
 * through sign-up, sign-in and email verification comes back to where it started: `/sign-up?callbackUrl=…`.
 */
export function withCallbackUrl(path: string, callbackUrl: unknown): string {
  const safe = safeCallbackUrl(callbackUrl);
  if (!safe) return path;
  return `${path}${path.includes("?") ? "&" : "?"}callbackUrl=${encodeURIComponent(safe)}`;
}
