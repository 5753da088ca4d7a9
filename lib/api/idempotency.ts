import { createHash } from "node:crypto";
import { claimIdempotencyKey, deleteIdempotencyKey, storeIdempotentResponse } from "@/db/queries/idempotency";
import type { Tx } from "@/db/tenant";
import { AppError } from "@/lib/errors";

/** How long a stored response is replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The `Idempotency-Key` of a request (visible ASCII, at most 255 characters), or undefined when there is none. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (!KEY.test(key)) throw new AppError("validation_error", "Idempotency-Key must be 1 to 255 visible ASCII characters.");
  return key;
}

type Scope = { orgId: string; caller: string; key: string };

/**
 * Runs `run` once per idempotency key, caller and organization, inside the caller's withTenant transaction: the
 * first request's response is stored with its data (both commit or neither), a retry within 24 hours gets it back
 * (with `Idempotent-Replayed: true`), and the same key with a different request is refused (422). A request that
 * fails stores nothing, so its retry runs again.
 */
export async function idempotent(tx: Tx, scope: Scope, fingerprint: string, run: () => Promise<Response>, now = Date.now()): Promise<Response> {
  const requestHash = createHash("sha256").update(fingerprint).digest("hex");
  let existing = await claimIdempotencyKey(tx, { ...scope, requestHash });
  if (existing && existing.createdAt.getTime() < now - IDEMPOTENCY_TTL_MS) {
    await deleteIdempotencyKey(tx, existing.id);
    existing = await claimIdempotencyKey(tx, { ...scope, requestHash });
  }
  if (existing) {
    if (existing.requestHash !== requestHash) {
      throw new AppError("validation_error", "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
    }
    return new Response(existing.body ?? "null", { status: existing.status ?? 200, headers: { "content-type": "application/json", "idempotent-replayed": "true" } });
  }
  const response = await run();
  const body = await response.text();
  await storeIdempotentResponse(tx, scope, { status: response.status, body });
  return new Response(body, { status: response.status, headers: response.headers });
}
