import { randomUUID } from "node:crypto";
import { z } from "zod";
import { insertOrgWithMember, slugTaken } from "@/db/queries/orgs";
import { withSystem, withTenant } from "@/db/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { invalidateMemberships } from "./membership";
import { orgSlugSchema, slugify } from "./slugs";
import { text } from "@/lib/validation";

export const createOrgSchema = z.object({
  name: text().trim().min(2, "At least 2 characters.").max(80, "At most 80 characters."),
  slug: orgSlugSchema.optional().or(z.literal("").transform(() => undefined)),
});
export type CreateOrgInput = z.infer<typeof createOrgSchema>;

// Slugs are unique across all organizations, which no tenant may see: the check runs as the system.
async function freeSlug(base: string, exact: boolean): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = attempt === 0 ? base : `${base.slice(0, 40)}-${Math.random().toString(36).slice(2, 6)}`;
    if (!(await withSystem("org slug availability", (tx) => slugTaken(tx, candidate)))) return candidate;
    if (exact) throw new AppError("conflict", "That address is taken.", { fields: { slug: ["That address is taken."] } });
  }
  throw new AppError("conflict", "Could not find a free address; choose one.");
}

/**
 * Creates an organization owned by `userId`. The row is written inside withTenant for its new id, so even
 * creation goes through Row-Level Security. Returns the organization.
 */
export async function createOrg(userId: string, input: CreateOrgInput) {
  const slug = await freeSlug(input.slug ?? slugify(input.name), Boolean(input.slug));
  const id = randomUUID();
  try {
    const org = await withTenant({ orgId: id, userId }, async (tx) => {
      const created = await insertOrgWithMember(tx, { id, slug, name: input.name }, { userId, role: "owner" });
      await recordAudit(tx, id, { action: "org.created", actorId: userId, target: { type: "org", id }, metadata: { slug } });
      return created;
    });
    await invalidateMemberships(userId);
    return org;
  } catch (err) {
    // Two requests raced for the same slug; the unique index decided.
    if ((err as { cause?: { code?: string } }).cause?.code === "23505") throw new AppError("conflict", "That address is taken.", { fields: { slug: ["That address is taken."] } });
    throw err;
  }
}
