import { desc, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs, outboxEvents, users } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { createOutsider } from "@/test/fixtures";
import { confirmEmailChange, requestEmailChange, undoEmailChange } from "./change-email";

const origin = "http://localhost:3000";

async function emailsTo(to: string) {
  const rows = await withSystem("test: read outbox", (tx) =>
    tx.select().from(outboxEvents).where(sql`${outboxEvents.data}->'email'->>'to' = ${to}`).orderBy(desc(outboxEvents.createdAt)),
  );
  return rows.map((r) => (r.data as { email: { template: string; props: Record<string, unknown> } }).email);
}

const emailOf = async (userId: string) => (await withSystem("test", (tx) => tx.select({ email: users.email }).from(users).where(eq(users.id, userId))))[0]!.email;
const tokenIn = (url: unknown) => new URL(String(url)).searchParams.get("token")!;

describe("change of email", () => {
  afterAll(closeDatabase);

  it("changes only once the new address confirms, tells the old one, and the old one can undo it once", async () => {
    const userId = await createOutsider();
    const before = await emailOf(userId);
    const next = `moved-${userId.slice(0, 8)}@example.test`;

    await requestEmailChange(userId, { email: next }, origin);
    expect(await emailOf(userId)).toBe(before);
    const [confirm] = await emailsTo(next);
    expect(confirm?.template).toBe("confirm-email-change");

    const token = tokenIn(confirm!.props.url);
    expect(await confirmEmailChange(token, origin)).toEqual({ userId, from: before, to: next });
    expect(await emailOf(userId)).toBe(next);
    expect(await confirmEmailChange(token, origin)).toBeNull();

    const [notice] = await emailsTo(before);
    expect(notice?.template).toBe("notice");
    const undoUrl = (notice!.props.action as { url: string }).url;
    expect(undoUrl).toMatch(/\/verify-email\/undo\?token=/);
    expect(await undoEmailChange(tokenIn(undoUrl))).toEqual({ userId, email: before });
    expect(await emailOf(userId)).toBe(before);
    expect(await undoEmailChange(tokenIn(undoUrl))).toBeNull();

    const actions = await withSystem("test", (tx) => tx.select({ action: auditLogs.action }).from(auditLogs).where(eq(auditLogs.actorId, userId)));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["user.email_change_requested", "user.email_changed", "user.email_change_undone"]));
  });

  it("answers a taken address like a free one, sends its owner a notice and no link", async () => {
    const userId = await createOutsider();
    const taken = await emailOf(await createOutsider());
    expect(await requestEmailChange(userId, { email: taken }, origin)).toEqual({ email: taken });
    const mails = await emailsTo(taken);
    expect(mails.map((m) => m.template)).toEqual(["notice"]);
  });

  it("refuses the person's current address", async () => {
    const userId = await createOutsider();
    await expect(requestEmailChange(userId, { email: await emailOf(userId) }, origin)).rejects.toMatchObject({ code: "validation_error" });
  });
});
