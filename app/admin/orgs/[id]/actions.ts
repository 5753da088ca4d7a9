"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/action";
import { setCompPlan } from "@/lib/admin/set-comp-plan";
import { plans } from "@/lib/plans";

const compPlanSchema = z.object({
  orgId: z.uuid(),
  // "none" takes a comp plan back: billing alone decides again.
  planId: z.enum(["none", ...plans.map((p) => p.id)]),
  reason: z.string().trim().min(3, "Say why, in a few words.").max(500),
});

/** Gives the organization a plan without payment (a comp), or takes it back. */
export const setCompPlanAction = adminAction({ name: "set comp plan", schema: compPlanSchema, successMessage: "Plan updated." }, async ({ tx, session, input }) => {
  await setCompPlan(tx, { actorId: session.user.id, orgId: input.orgId, planId: input.planId === "none" ? null : input.planId, reason: input.reason });
  revalidatePath(`/admin/orgs/${input.orgId}`);
  return null;
});
