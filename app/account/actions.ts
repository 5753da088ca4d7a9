"use server";

import { revalidatePath } from "next/cache";
import { updateProfile, updateProfileSchema } from "@/lib/account/update-profile";
import { userAction } from "@/lib/action";
import { refreshSession } from "@/lib/auth/session";

export const updateProfileAction = userAction({ schema: updateProfileSchema, successMessage: "Profile saved." }, async ({ session, input }) => {
  await updateProfile(session.user.id, input);
  await refreshSession();
  revalidatePath("/", "layout");
  return null;
});
