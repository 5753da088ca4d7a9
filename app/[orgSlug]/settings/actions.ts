"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/action";
import { changeOrgSlug, changeOrgSlugSchema } from "@/lib/orgs/change-org-slug";
import { myOrgs } from "@/lib/orgs/membership";
import { renameOrg, renameOrgSchema } from "@/lib/orgs/rename-org";
import { requestOrgDeletion, requestOrgDeletionSchema } from "@/lib/orgs/request-org-deletion";

const inOrg = { orgSlug: z.string() };

// Rename and slug changes drop every member's cached membership after commit.
export const renameOrgAction = action(
  { schema: renameOrgSchema.extend(inOrg), permission: "org:update", successMessage: "Organization renamed." },
  async ({ input, org, tx }) => {
    const renamed = await renameOrg(tx, org, input);
    // The name shows in the shell of every page of the organization.
    revalidatePath(`/${org.slug}`, "layout");
    return renamed;
  },
);

export const changeOrgSlugAction = action(
  { schema: changeOrgSlugSchema.extend(inOrg), permission: "org:update", redirectTo: (r: { slug: string }) => `/${r.slug}/settings` },
  async ({ input, org, tx }) => changeOrgSlug(tx, org, input),
);

export const requestOrgDeletionAction = action(
  { schema: requestOrgDeletionSchema.extend(inOrg), permission: "org:delete", redirectTo: (r: { next: string }) => r.next },
  async ({ input, org, tx }) => {
    await requestOrgDeletion(tx, org, input);
    const other = (await myOrgs(org.userId)).find((o) => o.id !== org.orgId);
    return { next: other ? `/${other.slug}/projects` : "/new" };
  },
);
