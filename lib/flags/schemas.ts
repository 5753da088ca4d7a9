import { z } from "zod";
import { plans } from "@/lib/plans";
import { text } from "@/lib/validation";
import { flagKeys, type FlagKey } from "./registry";

const planIds = plans.map((p) => p.id) as [string, ...string[]];
const flagKey = z.enum(flagKeys as [FlagKey, ...FlagKey[]], "There is no such flag.");
// A form sends one checkbox as a string, several as an array, none as nothing.
const listOf = <T extends z.ZodType>(item: T) => z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(item));

export const updateFlagSchema = z.object({
  key: flagKey,
  // The version the form showed: a save over someone else's newer change is refused rather than lost.
  version: z.coerce.number().int().positive(),
  description: text().trim().max(500, "At most 500 characters."),
  defaultEnabled: z.enum(["on", "off"], "Choose on or off.").transform((v) => v === "on"),
  rolloutPercent: z.coerce.number("Enter a whole number from 0 to 100.").int("Enter a whole number from 0 to 100.").min(0, "At least 0.").max(100, "At most 100."),
  plans: listOf(z.enum(planIds, "Unknown plan.")),
});
export type UpdateFlagInput = z.infer<typeof updateFlagSchema>;

export const setFlagOverrideSchema = z.object({
  key: flagKey,
  slug: text().trim().toLowerCase().min(1, "Enter an organization's slug.").max(48, "At most 48 characters."),
  enabled: z.enum(["on", "off"], "Choose on or off.").transform((v) => v === "on"),
});
export type SetFlagOverrideInput = z.infer<typeof setFlagOverrideSchema>;

export const removeFlagOverrideSchema = z.object({ key: flagKey, orgId: z.uuid("Unknown organization.") });
export type RemoveFlagOverrideInput = z.infer<typeof removeFlagOverrideSchema>;
