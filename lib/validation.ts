import type { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

/** Zod issues as field errors: `{ "name": ["Too short"] }`; issues without a path go under "_". */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Parses input with a schema, or throws a 422 `validation_error` carrying the field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("validation_error", "Some fields need attention.", { fields: fieldErrors(result.error) });
  return result.data;
}
