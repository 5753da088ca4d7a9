import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** Where a keyset page ends: the last row's creation time in whole microseconds (exact, unlike a JS Date) and id. */
export type Keyset = { ts: string; id: string };

/** The keyset of a row, selected beside it: its `created_at` as microseconds since the epoch, as text. */
export const keysetOf = (createdAt: AnyPgColumn): SQL<string> => sql<string>`(extract(epoch from ${createdAt}) * 1000000)::bigint::text`;

/** Rows after `cursor` in newest-first order of (created_at, id). */
export const olderThan = (createdAt: AnyPgColumn, id: AnyPgColumn, cursor: Keyset): SQL =>
  sql`(${createdAt}, ${id}) < (timestamptz 'epoch' + ${cursor.ts}::bigint * interval '1 microsecond', ${cursor.id}::uuid)`;
