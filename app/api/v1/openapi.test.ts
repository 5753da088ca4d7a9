// The OpenAPI document: valid 3.1, one operation for every route of /api/v1 and one route for every operation, and
// what the routes really answer matches the schemas it documents.
import { validate } from "@scalar/openapi-parser";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { closeDatabase } from "@/db/client";
import { organizations, projects } from "@/db/schema";
import { withSystem, withTenant } from "@/db/tenant";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { apiKeyScopes } from "@/lib/api-keys/scopes";
import { openApiDocument } from "@/lib/api/v1/openapi";
import { operations } from "@/lib/api/v1/operations";
import { createOrgWithOwner } from "@/test/fixtures";
import { v1RouteFiles } from "@/test/v1-routes";
import { GET as getDocument } from "./openapi.json/route";

afterAll(closeDatabase);

const documentOnly = "/api/v1/openapi.json";

describe("/api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document, served as generated", async () => {
    const res = await getDocument(new Request("http://localhost/api/v1/openapi.json"));
    expect(res.status).toBe(200);
    const served = await res.json();
    expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(served.openapi).toBe("3.1.0");
    const { valid, errors } = await validate(served);
    expect(errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("documents every route of /api/v1, and every documented operation has a route", async () => {
    const doc = openApiDocument();
    const routed = (await v1RouteFiles())
      .filter((f) => f.path !== documentOnly)
      .flatMap((f) => Object.keys(f.handlers).map((method) => `${method.toUpperCase()} ${f.path}`))
      .sort();
    const documented = Object.entries(doc.paths ?? {})
      .flatMap(([path, item]) => Object.keys(item ?? {}).filter((k) => ["get", "post", "put", "patch", "delete"].includes(k)).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(routed.length).toBeGreaterThan(0);
    expect(documented).toEqual(routed);
  });

  it("describes what the routes answer: each response parses with its documented schema and loses no field", async () => {
    const { org, user } = await createOrgWithOwner("openapi-drift");
    await withSystem("test: plan", (tx) => tx.update(organizations).set({ plan: "pro" }).where(eq(organizations.id, org.id)));
    const [project] = await withSystem("test: project", (tx) => tx.insert(projects).values({ orgId: org.id, name: "Documented", createdBy: user.id }).returning());
    const ctx = { orgId: org.id, userId: user.id };
    const { secret } = await withTenant(ctx, (tx) => createApiKey(tx, ctx, { name: "docs", scopes: [...apiKeyScopes] }));
    const files = await v1RouteFiles();
    const bodies: Record<string, unknown> = { createProject: { name: "Via docs", description: "d" }, updateProject: { description: "changed" } };
    // Deletion last: the other operations use the project.
    for (const op of [...operations].sort((a, b) => Number(a.method === "delete") - Number(b.method === "delete"))) {
      const handler = files.find((f) => f.path === op.path)!.handlers[op.method]!;
      const url = `http://localhost${op.path.replace("{orgSlug}", org.slug).replace("{projectId}", project!.id)}`;
      const body = bodies[op.operationId];
      const res = await handler(
        new Request(url, { method: op.method.toUpperCase(), headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined }),
        { params: Promise.resolve({ orgSlug: org.slug, projectId: project!.id }) },
      );
      expect(res.status, op.operationId).toBe(op.success.status);
      if (!op.success.schema) continue;
      const json = await res.json();
      expect((op.success.schema as z.ZodType).parse(json), op.operationId).toEqual(json);
    }
  });

  it("refuses a body the schema refuses, with the schema's field messages", async () => {
    const { org, user } = await createOrgWithOwner("openapi-422");
    const ctx = { orgId: org.id, userId: user.id };
    const { secret } = await withTenant(ctx, (tx) => createApiKey(tx, ctx, { name: "docs", scopes: ["projects:write"] }));
    const create = operations.find((o) => o.operationId === "createProject")!;
    const handler = (await v1RouteFiles()).find((f) => f.path === create.path)!.handlers.post!;
    const invalid = { name: "", description: 5 };
    const expected = create.body!.safeParse(invalid);
    expect(expected.success).toBe(false);
    const res = await handler(
      new Request(`http://localhost/api/v1/orgs/${org.slug}/projects`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify(invalid) }),
      { params: Promise.resolve({ orgSlug: org.slug }) },
    );
    expect(res.status).toBe(422);
    const fields = ((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
    expect(Object.keys(fields).sort()).toEqual([...new Set(expected.error!.issues.map((i) => i.path.join(".")))].sort());
  });
});
