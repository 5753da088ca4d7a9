import { AppError } from "@/lib/errors";
import { withTimeout } from "@/lib/timeout";
import { allowLoopbackUrls } from "./config";
import { resolveEndpoint, UnsafeUrlError } from "./url-safety";

// The lookup runs inside the saving transaction (the save must not commit an unsafe URL), so it gets a short leash.
const SAVE_LOOKUP_TIMEOUT_MS = 3_000;

/** Refuses (as a field error on `url`) a URL Keel would not deliver to; returns it normalized. */
export async function checkEndpointUrl(raw: string): Promise<string> {
  try {
    const { url } = await withTimeout(resolveEndpoint(raw, { allowLoopback: allowLoopbackUrls() }), SAVE_LOOKUP_TIMEOUT_MS);
    return url.toString();
  } catch (err) {
    const message = err instanceof UnsafeUrlError ? err.message : "The host did not answer in time; check the URL.";
    throw new AppError("validation_error", message, { fields: { url: [message] } });
  }
}
