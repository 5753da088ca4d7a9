import { and, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { primaryDb } from "../client";
import { devEmails, type DevEmail, type NewDevEmail } from "../schema";

// Public queries of a platform table that belongs to no tenant and no person: the development mailbox. They go to
// the primary: the mailbox is read right after a send (the page a developer opens, the test that waits for a link),
// and a replica could lag behind.

/** One row of the mailbox list: everything but the bodies. */
export type DevEmailSummary = Pick<DevEmail, "id" | "to" | "from" | "subject" | "template" | "createdAt">;

/** A page of the mailbox, newest first. */
export type DevEmailPage = { emails: DevEmailSummary[]; page: number; pageSize: number; hasMore: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stores one email in the dev mailbox and returns the stored row. */
export async function insertDevEmail(email: NewDevEmail): Promise<DevEmail> {
  const [row] = await primaryDb.insert(devEmails).values(email).returning();
  return row!;
}

/** Recent emails, newest first; `to` keeps those whose recipient contains it (case-insensitive). */
export async function listDevEmails(options: { to?: string; page?: number; pageSize?: number } = {}): Promise<DevEmailPage> {
  const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? 25), 1), 100);
  const page = Math.max(Math.trunc(options.page ?? 1) || 1, 1);
  const to = options.to?.trim();
  // `%` and `_` typed into the filter are letters, not wildcards.
  const filter = to ? ilike(devEmails.to, `%${to.replace(/[\\%_]/g, "\\$&")}%`) : undefined;
  const rows = await primaryDb
    .select({
      id: devEmails.id,
      to: devEmails.to,
      from: devEmails.from,
      subject: devEmails.subject,
      template: devEmails.template,
      createdAt: devEmails.createdAt,
    })
    .from(devEmails)
    .where(filter)
    .orderBy(desc(devEmails.createdAt), desc(devEmails.id))
    // One row more than a page tells whether an older page exists without counting the table.
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { emails: rows.slice(0, pageSize), page, pageSize, hasMore: rows.length > pageSize };
}

/** One stored email, or null when the id is unknown or not a uuid (a hand-edited URL must 404, not 500). */
export async function getDevEmail(id: string): Promise<DevEmail | null> {
  if (!UUID.test(id)) return null;
  const [row] = await primaryDb.select().from(devEmails).where(eq(devEmails.id, id)).limit(1);
  return row ?? null;
}

/** The newest email to an address (case-insensitive), optionally of one template and sent after `since`: for tests. */
export async function latestEmailTo(
  address: string,
  options: { template?: string; since?: Date } = {},
): Promise<DevEmail | null> {
  const conditions: SQL[] = [sql`lower(${devEmails.to}) = ${address.trim().toLowerCase()}`];
  if (options.template) conditions.push(eq(devEmails.template, options.template));
  if (options.since) conditions.push(sql`${devEmails.createdAt} > ${options.since.toISOString()}`);
  const [row] = await primaryDb
    .select()
    .from(devEmails)
    .where(and(...conditions))
    .orderBy(desc(devEmails.createdAt), desc(devEmails.id))
    .limit(1);
  return row ?? null;
}
