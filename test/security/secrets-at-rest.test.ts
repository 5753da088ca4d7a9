import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { authAdapter } from "@/db/auth-adapter";
import { sessions } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { readSession } from "@/lib/auth/session";
import { captureLogs, log } from "@/lib/log";
import { createOrgWithOwner, createSession } from "@/test/fixtures";

// Hole 8 of issue 12: session tokens sat in the database in plain text (every other token was hashed), and the log
// line of a failed query listed its parameter values.

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const device = { ip: "127.0.0.1", userAgent: "vitest" };
const rowsOf = (userId: string) => withSystem("test: read sessions", (tx) => tx.select().from(sessions).where(eq(sessions.userId, userId)));

afterAll(closeDatabase);

describe("session tokens at rest", () => {
  it("are stored as their SHA-256: the cookie's token signs in, the stored value does not", async () => {
    const { user } = await createOrgWithOwner("sec-session");
    const token = await createSession(user.id);
    const [row] = await rowsOf(user.id);
    expect(row!.sessionToken).not.toBe(token);
    expect(row!.sessionToken).toBe(sha256(token));
    expect((await readSession(token, device))?.user.id).toBe(user.id);
    // Someone with a copy of the table cannot use what is in it.
    expect(await readSession(row!.sessionToken, device)).toBeNull();
  });

  it("are hashed for the sessions Auth.js starts (magic links, OAuth) too, and it keeps handling the token", async () => {
    const { user } = await createOrgWithOwner("sec-authjs");
    const adapter = authAdapter();
    const token = randomBytes(32).toString("hex");
    const created = await adapter.createSession!({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3_600_000) });
    expect(created.sessionToken).toBe(token);
    const [row] = await rowsOf(user.id);
    expect(row!.sessionToken).toBe(sha256(token));
    expect((await adapter.getSessionAndUser!(token))?.user.id).toBe(user.id);
    expect((await readSession(token, device))?.user.id).toBe(user.id);
    await adapter.deleteSession!(token);
    expect(await rowsOf(user.id)).toEqual([]);
  });

  it("of sessions started before the change are hashed by the migration, so their cookies keep working", async () => {
    const { user } = await createOrgWithOwner("sec-migrate");
    const token = randomBytes(32).toString("base64url");
    // A row as the old code wrote it: the token itself.
    await withSystem("test: a plain-text session", (tx) => tx.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3_600_000) }));
    const migration = fs.readFileSync(path.join(import.meta.dirname, "../../db/migrations/0011_hash_session_tokens.sql"), "utf8");
    await withSystem("test: run the migration on this row", (tx) => tx.execute(sql.raw(migration.replace(/;\s*$/, ` WHERE "user_id" = '${user.id}';`))));
    expect((await rowsOf(user.id))[0]!.sessionToken).toBe(sha256(token));
    expect((await readSession(token, device))?.user.id).toBe(user.id);
  });
});

describe("failed queries in the log", () => {
  it("name the query but not its parameter values", async () => {
    const secret = `secret-${randomBytes(8).toString("hex")}@example.test`;
    const lines: Record<string, unknown>[] = [];
    const stop = captureLogs((line) => lines.push(line), "error");
    try {
      const err = await withSystem("test: a failing query", (tx) => tx.execute(sql`select ${secret}::text as email, 1 / 0 as boom`)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Error);
      expect(String((err as Error).message)).toContain(secret);
      log.error({ err }, "unhandled error in route");
    } finally {
      stop();
    }
    const text = JSON.stringify(lines);
    expect(text).toContain("Failed query");
    expect(text).toContain("[redacted]");
    expect(text).not.toContain(secret);
  });
});
