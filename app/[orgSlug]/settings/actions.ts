"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { homePath } from "@/lib/auth/destinations";
import { changeOrgSlug, changeOrgSlugSchema } from "@/lib/orgs/change-org-slug";
import { renameOrg, renameOrgSchema } from "@/lib/orgs/rename-org";
import { requestOrgDeletion, requestOrgDeletionSchema } from "@/lib/orgs/request-org-deletion";
import { setTwoFactorRequirement, setTwoFactorRequirementSchema } from "@/lib/orgs/set-two-factor-requirement";

// Rename and slug changes drop every member's cached membership after commit.
export const renameOrgAction = action(
  { schema: renameOrgSchema, permission: "org:update", successMessage: "Organization renamed." },
  async ({ input, org, tx }) => {
    const renamed = await renameOrg(tx, org, input);
    // The name shows in the shell of every page of the organization.
    revalidatePath(`/${org.slug}`, "layout");
    return renamed;
  },
);

export const changeOrgSlugAction = action(
  { schema: changeOrgSlugSchema, permission: "org:update", redirectTo: (r: { slug: string }) => `/${r.slug}/settings` },
  async ({ input, org, tx }) => changeOrgSlug(tx, org, input),
);

// The organization is deleted by a job; meanwhile the owner goes to another one (worked out after commit).
export const requestOrgDeletionAction = action(
  { schema: requestOrgDeletionSchema, permission: "org:delete", redirectTo: (_, { org }) => homePath(org.userId, org.orgId) },
  async ({ input, org, tx }) => requestOrgDeletion(tx, org, input),
);

// Owners only: members without two-factor are sent to set it up on their next page.
export const setTwoFactorRequirementAction = action(
  { schema: setTwoFactorRequirementSchema, permission: "org:security" },
  async ({ input, org, tx }) => {
    const result = await setTwoFactorRequirement(tx, org, input);
    revalidatePath(`/${org.slug}/settings`);
    return result;
  },
);
