import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { ATTEMPT_TIMEOUT_MS, RESPONSE_EXCERPT_BYTES } from "./config";
import { resolveEndpoint, UnsafeUrlError, type ResolvedAddress, type UrlPolicy } from "./url-safety";

/** What one HTTP attempt came to: a 2xx is delivered; anything else, or no answer, is retried. */
export type AttemptOutcome = {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string;
  /** Why there is no usable answer, in words for the delivery log (never a stack or internal detail). */
  error: string | null;
};

// Kept-alive sockets are reused only for the host they were opened to, an address that passed the check.
const agents = { "http:": new http.Agent({ keepAlive: true, timeout: ATTEMPT_TIMEOUT_MS }), "https:": new https.Agent({ keepAlive: true, timeout: ATTEMPT_TIMEOUT_MS }) };

/** A DNS lookup that always answers the address already checked, so the connection cannot go anywhere else. */
function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) (callback as (err: null, addresses: ResolvedAddress[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
}

/**
 * POSTs `body` to `url` with `headers`: the address is resolved and checked first, the connection goes to that
 * address, redirects are not followed (a 3xx is a failure), and the whole exchange ends after the timeout.
 * Never throws: every way it can go wrong is an outcome for the log.
 */
export async function sendWebhook(url: string, headers: Record<string, string>, body: string, policy: UrlPolicy, timeoutMs = ATTEMPT_TIMEOUT_MS): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let resolved: Awaited<ReturnType<typeof resolveEndpoint>>;
  try {
    resolved = await resolveEndpoint(url, policy);
  } catch (err) {
    const error = err instanceof UnsafeUrlError ? `Not sent: ${err.message}` : "Not sent: the URL could not be resolved.";
    return { ok: false, statusCode: null, durationMs: elapsed(), responseExcerpt: "", error };
  }
  const { url: target, target: address } = resolved;
  const transport = target.protocol === "https:" ? https : http;

  return new Promise<AttemptOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<AttemptOutcome, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const request = transport.request(
      target,
      {
        method: "POST",
        agent: agents[target.protocol as "http:" | "https:"],
        lookup: pinnedLookup(address),
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "Keel-Webhooks/1.0" },
      },
      (response) => {
        const statusCode = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const excerpt = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8");
          const ok = statusCode >= 200 && statusCode < 300;
          finish({ ok, statusCode, responseExcerpt: excerpt, error: ok ? null : `The endpoint answered ${statusCode}.` });
        };
        response.on("data", (chunk: Buffer) => {
          if (size < RESPONSE_EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
          // Nobody needs a receiver's whole answer: stop reading once the excerpt is full.
          if (size >= RESPONSE_EXCERPT_BYTES) {
            response.destroy();
            done();
          }
        });
        response.on("end", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ ok: false, statusCode: null, responseExcerpt: "", error: `No answer within ${timeoutMs / 1000} s.` });
    }, timeoutMs);
    request.on("error", (err: NodeJS.ErrnoException) => finish({ ok: false, statusCode: null, responseExcerpt: "", error: connectionError(err) }));
    request.end(body);
  });
}

/** A connection failure in words for the delivery log. */
function connectionError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case "ECONNREFUSED":
      return "Connection refused.";
    case "ECONNRESET":
      return "The connection was reset.";
    case "ETIMEDOUT":
      return "The connection timed out.";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "The host is unreachable.";
    default:
      return err.code?.startsWith("ERR_TLS") || err.code?.includes("CERT") ? "The TLS handshake failed (certificate not valid for this host?)." : "The request failed.";
  }
}
