import { z } from "zod";
import { text } from "@/lib/validation";

/** A project's name, as every form and API call takes it. */
export const projectNameSchema = text().trim().min(1, "Give the project a name.").max(80, "At most 80 characters.");

/** A project's optional description. */
export const projectDescriptionSchema = text().trim().max(500, "At most 500 characters.");

/** A project id; anything that is not a uuid names no project. */
export const projectIdSchema = z.uuid("Not a project id.");
