import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { AppError } from "@/lib/errors";
import { createOrgWithOwner } from "@/test/fixtures";
import { inOrg, type Principal } from "./in-org";

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (err: unknown) => (err instanceof AppError ? err.code : String(err)));
const user = (userId: string): Principal => ({ kind: "user", userId });

describe("inOrg", () => {
  let org: Awaited<ReturnType<typeof createOrgWithOwner>>;
  let stranger: string;
  let member: string;
  beforeAll(async () => {
    org = await createOrgWithOwner("in-org");
    stranger = (await createOrgWithOwner("in-org-stranger")).user.id;
    member = await withSystem("test: member", async (tx) => {
      const [row] = await tx.insert(users).values({ email: `member-${randomUUID()}@example.test` }).returning();
      await tx.insert(memberships).values({ orgId: org.org.id, userId: row!.id, role: "member" });
      return row!.id;
    });
  });
  afterAll(closeDatabase);

  it("resolves a member's organization and role", async () => {
    expect(await inOrg(user(org.user.id), org.org.slug)).toMatchObject({ orgId: org.org.id, role: "owner", userId: org.user.id });
    expect(await inOrg(user(member), org.org.slug, "projects:write")).toMatchObject({ role: "member" });
  });

  it("answers not_found, never forbidden, to a non-member, whatever the permission, and for unknown or malformed slugs", async () => {
    expect(await codeOf(inOrg(user(stranger), org.org.slug))).toBe("not_found");
    expect(await codeOf(inOrg(user(stranger), org.org.slug, "org:delete"))).toBe("not_found");
    expect(await codeOf(inOrg(user(org.user.id), "no-such-org-anywhere"))).toBe("not_found");
    expect(await codeOf(inOrg(user(org.user.id), "../Not A Slug"))).toBe("not_found");
    expect(await codeOf(inOrg(user(org.user.id), undefined))).toBe("not_found");
  });

  it("answers forbidden to a member whose role lacks the permission", async () => {
    expect(await codeOf(inOrg(user(member), org.org.slug, "audit:read"))).toBe("forbidden");
    expect(await codeOf(inOrg(user(member), org.org.slug, "org:delete"))).toBe("forbidden");
  });
});
