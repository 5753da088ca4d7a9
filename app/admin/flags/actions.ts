"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/action";
import { removeFlagOverride } from "@/lib/flags/remove-flag-override";
import { removeFlagOverrideSchema, setFlagOverrideSchema, updateFlagSchema } from "@/lib/flags/schemas";
import { setFlagOverride } from "@/lib/flags/set-flag-override";
import { updateFlag } from "@/lib/flags/update-flag";

// Each edit: the wrapper answers not_found to anyone but a platform admin and runs the operation in one withSystem
// transaction with its audit entry; the operation drops the cached flags once it committed.

const revalidate = (key: string) => {
  revalidatePath("/admin/flags");
  revalidatePath(`/admin/flags/${key}`);
};

export const updateFlagAction = adminAction({ name: "update feature flag", schema: updateFlagSchema, successMessage: "Flag saved." }, async ({ tx, session, input }) => {
  const flag = await updateFlag(tx, session.user.id, input);
  revalidate(input.key);
  return { version: flag.version };
});

export const setFlagOverrideAction = adminAction({ name: "set feature flag override", schema: setFlagOverrideSchema, successMessage: "Override saved." }, async ({ tx, session, input }) => {
  const org = await setFlagOverride(tx, session.user.id, input);
  revalidate(input.key);
  return { slug: org.slug };
});

export const removeFlagOverrideAction = adminAction({ name: "remove feature flag override", schema: removeFlagOverrideSchema, successMessage: "Override removed." }, async ({ tx, session, input }) => {
  await removeFlagOverride(tx, session.user.id, input);
  revalidate(input.key);
  return null;
});
