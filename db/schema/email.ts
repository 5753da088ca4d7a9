import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// The development mailbox: every email sent without a real transport lands here, readable at /dev/mailbox.
export const devEmails = pgTable(
  "dev_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    from: text("from").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    template: text("template"),
    links: jsonb("links").$type<string[]>().notNull().default([]),
    requestId: text("request_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dev_emails_created_at_idx").on(t.createdAt), index("dev_emails_to_idx").on(t.to)],
);

export type DevEmail = typeof devEmails.$inferSelect;
export type NewDevEmail = typeof devEmails.$inferInsert;
