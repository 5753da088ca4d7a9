"use server";

import { redirect } from "next/navigation";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { endSession, getSession } from "@/lib/auth/session";
import { requestIdFrom, runWithRequestContext } from "@/lib/request-context";
import { deviceOf } from "@/lib/auth/request-info";
import { headers } from "next/headers";

/** Signs this browser out (its session row and cookie), records it, and goes to the sign-in page. */
export async function signOutAction(): Promise<void> {
  const h = await headers();
  const session = await getSession();
  await runWithRequestContext({ requestId: requestIdFrom(h), ...deviceOf(h) }, async () => {
    await endSession();
    if (session) await recordAccountAudit({ action: "user.signed_out", actorId: session.user.id, target: { type: "user", id: session.user.id } });
  });
  redirect("/sign-in");
}
