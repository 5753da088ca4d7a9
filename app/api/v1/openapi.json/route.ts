import { openApiDocument } from "@/lib/api/v1/openapi";
import { route } from "@/lib/route";

// GET /api/v1/openapi.json - the public API's OpenAPI 3.1 document, generated from the routes' own schemas
export const GET = route({}, async () => Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }));
