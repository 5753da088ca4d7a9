"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, userAction } from "@/lib/action";
import { changeOrgSlug, changeOrgSlugSchema } from "@/lib/orgs/change-org-slug";
import { myOrgs, orgContextOrNotFound } from "@/lib/orgs/membership";
import { renameOrg, renameOrgSchema } from "@/lib/orgs/rename-org";
import { requestOrgDeletion, requestOrgDeletionSchema } from "@/lib/orgs/request-org-deletion";

const inOrg = { orgSlug: z.string() };

// Rename and slug changes run their own transaction so members' cached memberships are dropped after commit.
export const renameOrgAction = userAction(
  { schema: renameOrgSchema.extend(inOrg), successMessage: "Organization renamed." },
  async ({ input, session }) => {
    const org = await renameOrg(await orgContextOrNotFound(session.user.id, input.orgSlug), input);
    // The name shows in the shell of every page of the organization.
    revalidatePath(`/${input.orgSlug}`, "layout");
    return org;
  },
);

export const changeOrgSlugAction = userAction(
  { schema: changeOrgSlugSchema.extend(inOrg), redirectTo: (r: { slug: string }) => `/${r.slug}/settings` },
  async ({ input, session }) => changeOrgSlug(await orgContextOrNotFound(session.user.id, input.orgSlug), input),
);

export const requestOrgDeletionAction = action(
  { schema: requestOrgDeletionSchema.extend(inOrg), permission: "org:delete", redirectTo: (r: { next: string }) => r.next },
  async ({ input, org, tx }) => {
    await requestOrgDeletion(tx, org, input);
    const other = (await myOrgs(org.userId)).find((o) => o.id !== org.orgId);
    return { next: other ? `/${other.slug}/projects` : "/new" };
  },
);
