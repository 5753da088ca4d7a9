"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, userAction } from "@/lib/action";
import { appOrigin } from "@/lib/auth/app-origin";
import { changeMemberRole, changeMemberRoleSchema } from "@/lib/orgs/change-member-role";
import { inviteMember, inviteMemberSchema } from "@/lib/orgs/invite-member";
import { leaveOrg } from "@/lib/orgs/leave-org";
import { myOrgs, orgContextOrNotFound } from "@/lib/orgs/membership";
import { removeMember, removeMemberSchema } from "@/lib/orgs/remove-member";
import { invitationIdSchema, resendInvitation } from "@/lib/orgs/resend-invitation";
import { revokeInvitation } from "@/lib/orgs/revoke-invitation";
import { transferOwnership, transferOwnershipSchema } from "@/lib/orgs/transfer-ownership";

const inOrg = { orgSlug: z.string() };

/** The members page shows the change on the next render. */
const refresh = (slug: string) => revalidatePath(`/${slug}/settings/members`);

export const inviteMemberAction = action(
  { schema: inviteMemberSchema.extend(inOrg), permission: "members:invite" },
  async ({ input, session, org, tx }) => {
    const { invitation } = await inviteMember(tx, org, input, { name: session.user.name ?? session.user.email, origin: await appOrigin() });
    refresh(org.slug);
    return { email: invitation.email };
  },
);

export const resendInvitationAction = action(
  { schema: invitationIdSchema.extend(inOrg), permission: "members:invite", successMessage: "Invitation sent again with a new link." },
  async ({ input, session, org, tx }) => {
    await resendInvitation(tx, org, input, { name: session.user.name ?? session.user.email, origin: await appOrigin() });
    refresh(org.slug);
    return null;
  },
);

export const revokeInvitationAction = action(
  { schema: invitationIdSchema.extend(inOrg), permission: "members:invite", successMessage: "Invitation revoked." },
  async ({ input, org, tx }) => {
    await revokeInvitation(tx, org, input);
    refresh(org.slug);
    return null;
  },
);

// Membership changes run their own transaction (owner rows locked) and drop cached memberships after commit.
export const changeMemberRoleAction = userAction(
  { schema: changeMemberRoleSchema.extend(inOrg), successMessage: "Role updated." },
  async ({ input, session }) => {
    await changeMemberRole(await orgContextOrNotFound(session.user.id, input.orgSlug), input);
    refresh(input.orgSlug);
    return null;
  },
);

export const removeMemberAction = userAction({ schema: removeMemberSchema.extend(inOrg), successMessage: "Member removed." }, async ({ input, session }) => {
  await removeMember(await orgContextOrNotFound(session.user.id, input.orgSlug), input);
  refresh(input.orgSlug);
  return null;
});

export const transferOwnershipAction = userAction(
  { schema: transferOwnershipSchema.extend(inOrg), successMessage: "Ownership transferred." },
  async ({ input, session }) => {
    await transferOwnership(await orgContextOrNotFound(session.user.id, input.orgSlug), input);
    refresh(input.orgSlug);
    return null;
  },
);

export const leaveOrgAction = userAction(
  { schema: z.object(inOrg), redirectTo: (r: { next: string }) => r.next },
  async ({ input, session }) => {
    const org = await orgContextOrNotFound(session.user.id, input.orgSlug);
    await leaveOrg(org);
    const other = (await myOrgs(session.user.id)).find((o) => o.id !== org.orgId);
    return { next: other ? `/${other.slug}/projects` : "/new" };
  },
);
