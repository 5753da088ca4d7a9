import { z } from "zod";
import { updateUserProfile } from "@/db/queries/account";
import { withUser } from "@/db/tenant";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { text } from "@/lib/validation";

const emptyToNull = (v: string) => (v === "" ? null : v);

export const updateProfileSchema = z.object({
  name: text().trim().max(80, "At most 80 characters.").transform(emptyToNull),
  image: z
    .string()
    .trim()
    .max(2_000, "That address is too long.")
    .refine((v) => v === "" || /^https:\/\/[^\s]+$/i.test(v), "Use an https:// address of an image, or leave it empty.")
    .transform(emptyToNull),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

/** Changes a person's display name and avatar URL (their email changes only through verification, elsewhere). */
export async function updateProfile(userId: string, input: UpdateProfileInput): Promise<void> {
  await withUser(userId, async (tx) => {
    await updateUserProfile(tx, userId, input);
    await recordAccountAudit({ action: "account.profile_updated", actorId: userId, metadata: { fields: ["name", "image"] } }, tx);
  });
}
