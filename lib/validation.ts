import { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

/** What a person sees for a NUL byte: Postgres text cannot hold one, so it would otherwise be a 500. */
export const NUL_MESSAGE = "Remove the NUL character (\\0): it can't be stored.";

/** The string every text field is built on (`text().trim().min(1, …)`): it refuses NUL bytes with a clear message. */
export function text() {
  return z.string().refine((value) => !value.includes("\u0000"), NUL_MESSAGE);
}

// Fields whose schema is not built on text() (tokens, emails, ids) must refuse NUL bytes too.
function nulFields(input: unknown, path: string[] = [], found: FieldErrors = {}): FieldErrors {
  if (typeof input === "string") {
    if (input.includes("\u0000")) found[path.length ? path.join(".") : "_"] = [NUL_MESSAGE];
  } else if (Array.isArray(input)) {
    input.forEach((item, i) => nulFields(item, [...path, String(i)], found));
  } else if (input && typeof input === "object") {
    for (const [key, value] of Object.entries(input)) nulFields(value, [...path, key], found);
  }
  return found;
}

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
  const nul = nulFields(input);
  if (Object.keys(nul).length) throw new AppError("validation_error", "Some fields need attention.", { fields: nul });
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("validation_error", "Some fields need attention.", { fields: fieldErrors(result.error) });
  return result.data;
}
