"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteAccountSchema, requestAccountDeletion } from "@/lib/account/delete-account";
import { requestAccountExport } from "@/lib/account/request-export";
import { userAction } from "@/lib/action";
import { endSession } from "@/lib/auth/session";

export const requestExportAction = userAction(
  { schema: z.object({}), successMessage: "We're preparing your export. It appears below when it's ready, usually within a minute." },
  async ({ session }) => {
    const created = await requestAccountExport(session.user.id);
    revalidatePath("/account/data");
    return { id: created.id };
  },
);

export const deleteAccountAction = userAction({ schema: deleteAccountSchema, refuseWhileImpersonating: true, redirectTo: () => "/" }, async ({ session, input }) => {
  await requestAccountDeletion(session.user, input);
  await endSession();
  return null;
});
