import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { getDevEmail, insertDevEmail, latestEmailTo, listDevEmails } from "./dev-emails";

// Other test files write to dev_emails too: every assertion here filters on this run's own addresses.
const tag = randomUUID().slice(0, 8);
const alice = `alice-${tag}@example.test`;
const bob = `bob-${tag}@example.test`;

function email(to: string, subject: string, createdAt: Date, template = "notice") {
  return insertDevEmail({ to, from: "Keel <noreply@keel.localhost>", subject, html: `<p>${subject}</p>`, text: subject, template, links: [], createdAt });
}

describe("dev mailbox store", () => {
  const base = Date.now() - 60_000;
  beforeAll(async () => {
    for (let i = 0; i < 5; i++) await email(alice, `alice ${i}`, new Date(base + i * 1000));
    await email(bob, "bob 0", new Date(base + 10_000), "invitation");
  });
  afterAll(closeDatabase);

  it("lists emails newest first, a page at a time, filtered by part of the recipient", async () => {
    const first = await listDevEmails({ to: `alice-${tag}`, pageSize: 2 });
    expect(first.emails.map((e) => e.subject)).toEqual(["alice 4", "alice 3"]);
    expect(first.hasMore).toBe(true);
    const last = await listDevEmails({ to: `ALICE-${tag}`, pageSize: 2, page: 3 });
    expect(last.emails.map((e) => e.subject)).toEqual(["alice 0"]);
    expect(last.hasMore).toBe(false);
    expect(first.emails[0]).not.toHaveProperty("html");
  });

  it("treats % and _ in the filter as letters", async () => {
    expect((await listDevEmails({ to: "%" })).emails.every((e) => e.to.includes("%"))).toBe(true);
  });

  it("gets one email by id, and null for an unknown or malformed id", async () => {
    const stored = await email(bob, "bob 1", new Date());
    expect(await getDevEmail(stored.id)).toMatchObject({ id: stored.id, subject: "bob 1", html: "<p>bob 1</p>" });
    expect(await getDevEmail(randomUUID())).toBeNull();
    expect(await getDevEmail("../../etc/passwd")).toBeNull();
  });

  it("finds the latest email to an address, whatever its case, optionally by template", async () => {
    expect((await latestEmailTo(alice.toUpperCase()))?.subject).toBe("alice 4");
    expect((await latestEmailTo(bob, { template: "invitation" }))?.subject).toBe("bob 0");
    expect(await latestEmailTo(alice, { since: new Date() })).toBeNull();
    expect(await latestEmailTo(`nobody-${tag}@example.test`)).toBeNull();
  });
});
