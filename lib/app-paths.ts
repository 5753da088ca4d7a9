/**
 * The app's signed-in paths, in one list: the proxy sends signed-out visitors of these (and only these) to
 * sign-in. Everything else is public or doesn't exist, and an unknown path is a 404 for everyone; never a sign-in
 * page for `/robots.txt`. An organization's pages are `/{slug}` plus its sections; a slug-shaped path can't be told
 * from an organization without the database (and saying which slugs exist would leak them), so it counts as one.
 */
const appPathPatterns: readonly RegExp[] = [
  /^\/account(?:\/.*)?$/,
  /^\/new$/,
  /^\/[a-z0-9]+(?:-[a-z0-9]+)*(?:\/(?:projects|settings)(?:\/.*)?)?$/,
];

/** Routes under `/` that are not organizations even though they look like a slug. */
const publicTopLevel = new Set([
  "api", "dev", "docs", "pricing", "sign-in", "sign-up", "forgot-password", "reset-password", "verify-email", "check-email", "invitations",
]);

/** Whether `pathname` is a signed-in page of the app (an organization's, the account's, creating an organization). */
export function isAppPath(pathname: string): boolean {
  const first = pathname.split("/")[1] ?? "";
  if (publicTopLevel.has(first)) return false;
  return appPathPatterns.some((pattern) => pattern.test(pathname));
}
