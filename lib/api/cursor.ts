import { z } from "zod";
import type { Keyset } from "@/db/queries/keyset";

const keysetSchema = z.tuple([z.string().regex(/^-?\d{1,20}$/), z.uuid()]);

/** An opaque `cursor` for the next page. */
export function encodeCursor(keyset: Keyset | null): string | null {
  return keyset ? Buffer.from(JSON.stringify([keyset.ts, keyset.id])).toString("base64url") : null;
}

/** The keyset of a `cursor` a client sent back; undefined for a missing or mangled one (the schema refuses those). */
export function decodeCursor(cursor: string | undefined): Keyset | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = keysetSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? { ts: parsed.data[0], id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}

/** The `cursor` query parameter: a value this API handed out as `nextCursor`. */
export const cursorSchema = z
  .string()
  .max(200)
  .refine((c) => decodeCursor(c) !== undefined, "Not a cursor this API handed out: pass nextCursor from the previous page.")
  .optional()
  .meta({ description: "The `nextCursor` of the previous page; omit for the first page." });

/** The `limit` query parameter. */
export const limitSchema = z.coerce.number().int().min(1).max(100).default(20).meta({ description: "Items per page, 1 to 100.", example: 20 });
