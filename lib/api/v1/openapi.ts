import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { policies } from "@/lib/rate-limit/policies";
import { operations, type Operation } from "./operations";
import { errorSchema } from "./schemas";

const statusText: Record<number, string> = {
  304: "Not modified: the `ETag` in `If-None-Match` is still current.",
  401: "No valid API key or session (`unauthorized`).",
  403: "The key lacks the scope, or the member's role the permission (`forbidden`).",
  404: "No such organization for this caller, or no such resource (`not_found`). A key never sees another organization.",
  415: "A body that is not JSON (`unsupported_media_type`): send `Content-Type: application/json`.",
  409: "Conflicts with the current state, e.g. the plan's project limit (`conflict`).",
  422: "Invalid input, with per-field messages (`validation_error`); or an `Idempotency-Key` reused with a different request.",
  429: "Too many requests (`rate_limited`, see `Retry-After`), or the month's API allowance is used up (`quota_exceeded`, see `link`).",
};

const rateLimitHeaders = z.object({
  "RateLimit-Limit": z.string().meta({ description: "Requests allowed in the window." }),
  "RateLimit-Remaining": z.string().meta({ description: "Requests left in the window." }),
  "RateLimit-Reset": z.string().meta({ description: "Seconds until the window resets." }),
});

const json = (schema: z.ZodType) => ({ "application/json": { schema } });

function operationObject(op: Operation): ZodOpenApiOperationObject {
  const errors = [401, 403, 404, 422, 429, ...(op.method === "post" || op.method === "patch" ? [415] : []), ...(op.errors ?? [])].sort();
  const responses: Record<string, ZodOpenApiResponseObject> = {
    [String(op.success.status)]: { description: op.success.description, headers: rateLimitHeaders, ...(op.success.schema ? { content: json(op.success.schema) } : {}) },
  };
  if (op.method === "get") responses["304"] = { description: statusText[304]! };
  for (const status of errors) responses[String(status)] = { description: statusText[status]!, content: json(errorSchema) };
  const idempotencyKey = z.object({
    "Idempotency-Key": z.string().min(1).max(255).optional().meta({ description: "Makes a retry safe: for 24 hours the same key returns the first response." }),
  });
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    "x-keel-permission": op.permission,
    requestParams: { path: op.params, ...(op.query ? { query: op.query } : {}), ...(op.method === "post" ? { header: idempotencyKey } : {}) },
    ...(op.body ? { requestBody: { required: true, content: json(op.body) } } : {}),
    responses,
  };
}

/**
 * The public API's OpenAPI 3.1 document, generated from the operations the routes are built from (operations.ts)
 * and their zod schemas: no second description to keep in step.
 */
export function openApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of operations) paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Keel API",
      version: "1.0.0",
      description: [
        "The public REST API of a Keel organization. Authenticate with an organization API key (Settings → API keys) as `Authorization: Bearer keel_…`; a key sees only its own organization.",
        `Each key may make ${policies.api.limit} requests a ${policies.api.window.replace(" ", "")} sliding window (\`RateLimit-*\` headers on every response), and every request counts against the organization's monthly allowance of its plan.`,
        "Errors share one shape, `{ \"error\": { \"code\", \"message\", \"fields\"? } }`, with a stable `code`. GETs answer with an `ETag`; send it back in `If-None-Match` for a 304.",
      ].join("\n\n"),
    },
    security: [{ apiKey: [] }],
    components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An organization API key, `keel_live_…` or `keel_test_…`." } } },
    tags: [{ name: "Projects" }, { name: "Members" }, { name: "Audit log" }],
    paths,
  });
}
