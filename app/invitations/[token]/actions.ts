"use server";

import { userAction } from "@/lib/action";
import { acceptInvitation, declineInvitation, invitationTokenSchema } from "@/lib/orgs/accept-invitation";

const invitee = (user: { id: string; email: string; emailVerified: boolean }) => ({ id: user.id, email: user.email, emailVerified: user.emailVerified });

export const acceptInvitationAction = userAction(
  { schema: invitationTokenSchema, redirectTo: (r: { orgSlug: string }) => `/${r.orgSlug}/projects` },
  async ({ input, session }) => acceptInvitation(invitee(session.user), input.token),
);

export const declineInvitationAction = userAction(
  { schema: invitationTokenSchema, successMessage: "Invitation declined." },
  async ({ input, session }) => {
    await declineInvitation(invitee(session.user), input.token);
    return null;
  },
);
