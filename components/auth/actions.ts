"use server";

import { z } from "zod";
import { publicAction } from "@/lib/action";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { endSession, getSession } from "@/lib/auth/session";

/**
 * Signs this browser out (its session row and cookie), records it, and goes to the sign-in page. A public action:
 * a browser whose session already ended is sent to sign-in all the same, and its stale cookie is dropped.
 */
export const signOutAction = publicAction({ schema: z.object({}), redirectTo: () => "/sign-in" }, async () => {
  const session = await getSession();
  await endSession();
  if (session) await recordAccountAudit({ action: "user.signed_out", actorId: session.user.id, target: { type: "user", id: session.user.id } });
  return null;
});
