import { findUserByEmail, insertPasswordUser } from "@/db/queries/credentials";
import { afterResponse } from "@/lib/after-response";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { createOrg } from "@/lib/orgs/create-org";
import { pendingInvitationFor } from "@/lib/orgs/invitation-by-token";
import { safeCallbackUrl } from "./callback-url";
import { enforceRateLimits } from "./limits";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schemas";
import { sendVerificationEmail } from "./send-verification";

/** Where a request comes from: its IP (for rate limits) and the origin links in emails point at. */
export type AuthRequest = { ip: string; origin: string };

/** The name of a person's first organization. */
export function personalOrgName(name: string | null | undefined): string {
  const first = name?.trim();
  return first ? `${first.slice(0, 70)}'s org` : "Personal";
}

/**
 * Signs a person up with a password: the account (unverified), their personal organization, and the verification
 * email. Someone signing up to accept an invitation (`callbackUrl` is the pending invitation of this very address)
 * gets no personal organization (they join the inviting one and may create their own later), and the
 * verification link brings them back to the invitation. When the email is taken, the caller sees the very same
 * outcome and the address's owner gets a notice instead, so sign-up never reveals who has an account: all of it
 * happens after the response, so not even the time of the answer tells a new address from a taken one.
 */
export async function signUp(input: SignUpInput, req: AuthRequest): Promise<{ email: string }> {
  await enforceRateLimits(["signUp", req.ip], ["emailRequestsIp", req.ip]);
  await afterResponse("sign-up", () => createPasswordAccount(input, req));
  return { email: input.email };
}

async function createPasswordAccount(input: SignUpInput, req: AuthRequest): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const created = await insertPasswordUser({ email: input.email, name: input.name, passwordHash });
  if (!created) {
    const existing = await findUserByEmail(input.email);
    await enqueueEmail(
      {
        to: input.email,
        template: "notice",
        props: {
          heading: "Someone tried to sign up with your email",
          paragraphs: [
            "Someone (maybe you) tried to create a Keel account with this address, but you already have one. No new account was created.",
            "If it was you, sign in instead, or reset your password if you've forgotten it. If it wasn't, you can ignore this email.",
          ],
          action: { label: "Sign in", url: `${req.origin}/sign-in` },
          reason: "someone tried to sign up with this address",
        },
      },
      { orgId: null, actorId: existing?.id ?? null },
    );
    return;
  }
  const callbackUrl = safeCallbackUrl(input.callbackUrl) ?? undefined;
  const invited = callbackUrl ? await pendingInvitationFor(callbackUrl, input.email) : null;
  if (!invited) await createOrg(created.id, { name: personalOrgName(input.name) });
  await recordAccountAudit({
    action: "user.signed_up",
    actorId: created.id,
    target: { type: "user", id: created.id },
    metadata: { method: "password", ...(invited ? { invitedTo: invited.orgId } : {}) },
  });
  await sendVerificationEmail({ id: created.id, email: input.email, name: input.name }, req.origin, callbackUrl);
}
