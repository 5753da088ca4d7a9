import { inTransaction } from "@/db/tenant";
import { AppError } from "@/lib/errors";
import { withTimeout } from "@/lib/timeout";
import { allowLoopbackUrls } from "./config";
import { resolveEndpoint, UnsafeUrlError } from "./url-safety";

// A person is waiting on the form: a resolver that does not answer in this time gets the URL refused.
const SAVE_LOOKUP_TIMEOUT_MS = 3_000;

/** The outcome of checking an endpoint URL: the normalized URL, or the refusal to show on the form's `url` field. */
export type UrlCheck = { ok: true; url: string } | { ok: false; error: AppError };

/**
 * Checks a URL Keel would deliver to (scheme, and every address its host resolves to), before the saving
 * transaction opens: the lookup is a network call and must never hold a pooled connection (it refuses to run inside
 * a transaction). The saving operation decides, with `checkedUrl`, whether the outcome matters (an unchanged URL is
 * not judged again).
 */
export async function checkEndpointUrl(raw: string): Promise<UrlCheck> {
  if (inTransaction()) throw new Error("checkEndpointUrl() resolves DNS: call it before the transaction opens (action's `prepare`)");
  try {
    const { url } = await withTimeout(resolveEndpoint(raw, { allowLoopback: allowLoopbackUrls() }), SAVE_LOOKUP_TIMEOUT_MS);
    return { ok: true, url: url.toString() };
  } catch (err) {
    const message = err instanceof UnsafeUrlError ? err.message : "The host did not answer in time; check the URL.";
    return { ok: false, error: new AppError("validation_error", message, { fields: { url: [message] } }) };
  }
}

/** The checked URL, or its refusal thrown (a field error on `url`). */
export function checkedUrl(check: UrlCheck): string {
  if (!check.ok) throw check.error;
  return check.url;
}
