"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/action";
import { homePath } from "@/lib/auth/destinations";
import { changeMemberRole, changeMemberRoleSchema } from "@/lib/orgs/change-member-role";
import { inviteMember, inviteMemberSchema } from "@/lib/orgs/invite-member";
import { leaveOrg } from "@/lib/orgs/leave-org";
import { removeMember, removeMemberSchema } from "@/lib/orgs/remove-member";
import { invitationIdSchema, resendInvitation } from "@/lib/orgs/resend-invitation";
import { revokeInvitation } from "@/lib/orgs/revoke-invitation";
import { transferOwnership, transferOwnershipSchema } from "@/lib/orgs/transfer-ownership";
import { appUrl } from "@/lib/env";

/** The members page shows the change on the next render. */
const refresh = (slug: string) => revalidatePath(`/${slug}/settings/members`);

export const inviteMemberAction = action({ schema: inviteMemberSchema, permission: "members:invite" }, async ({ input, session, org, tx }) => {
  const { invitation } = await inviteMember(tx, org, input, { name: session.user.name ?? session.user.email, origin: appUrl() });
  refresh(org.slug);
  return { email: invitation.email };
});

export const resendInvitationAction = action(
  { schema: invitationIdSchema, permission: "members:invite", successMessage: "Invitation sent again with a new link." },
  async ({ input, session, org, tx }) => {
    await resendInvitation(tx, org, input, { name: session.user.name ?? session.user.email, origin: appUrl() });
    refresh(org.slug);
    return null;
  },
);

export const revokeInvitationAction = action(
  { schema: invitationIdSchema, permission: "members:invite", successMessage: "Invitation revoked." },
  async ({ input, org, tx }) => {
    await revokeInvitation(tx, org, input);
    refresh(org.slug);
    return null;
  },
);

// Membership changes lock the owner rows in the action's transaction and drop cached memberships after commit.
export const changeMemberRoleAction = action(
  { schema: changeMemberRoleSchema, permission: "members:update-role", successMessage: "Role updated." },
  async ({ input, org, tx }) => {
    await changeMemberRole(tx, org, input);
    refresh(org.slug);
    return null;
  },
);

export const removeMemberAction = action(
  { schema: removeMemberSchema, permission: "members:remove", successMessage: "Member removed." },
  async ({ input, org, tx }) => {
    await removeMember(tx, org, input);
    refresh(org.slug);
    return null;
  },
);

// Owner-only, which no permission of the table expresses: the operation checks the owner rows under lock.
export const transferOwnershipAction = action({ schema: transferOwnershipSchema, successMessage: "Ownership transferred." }, async ({ input, org, tx }) => {
  await transferOwnership(tx, org, input);
  refresh(org.slug);
  return null;
});

// Any member may leave (the last owner is refused by the operation); then to another organization, worked out
// after commit.
export const leaveOrgAction = action({ schema: z.object({}), redirectTo: (_, { org }) => homePath(org.userId, org.orgId) }, async ({ org, tx }) =>
  leaveOrg(tx, org),
);
