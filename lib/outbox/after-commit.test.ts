// afterCommit: callbacks a unit of work registers run once it has committed, never after a rollback, and a failing
// one never fails the request.
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { captureLogs } from "@/lib/log";
import { afterCommit, withOutbox } from "@/lib/outbox";

afterAll(closeDatabase);

/** Whether a user row with this email is visible from another connection (committed). */
const committed = (email: string) =>
  withSystem("test: read user", async (tx) => (await tx.select().from(users).where(eq(users.email, email))).length === 1);

const newEmail = () => `after-commit-${randomUUID()}@example.test`;

describe("afterCommit", () => {
  it("runs after the unit of work's transaction committed, in order, once", async () => {
    const email = newEmail();
    const seen: Array<[string, boolean]> = [];
    await withOutbox(() =>
      withSystem("test: write", async (tx) => {
        await tx.insert(users).values({ email });
        afterCommit(async () => void seen.push(["first", await committed(email)]));
        afterCommit(async () => void seen.push(["second", await committed(email)]));
        // Registered inside the transaction, nothing has run yet.
        expect(seen).toEqual([]);
      }),
    );
    expect(seen).toEqual([
      ["first", true],
      ["second", true],
    ]);
  });

  it("does not run when the unit of work fails (its transaction rolled back)", async () => {
    const email = newEmail();
    let ran = false;
    await expect(
      withOutbox(() =>
        withSystem("test: rolled back", async (tx) => {
          await tx.insert(users).values({ email });
          afterCommit(async () => {
            ran = true;
          });
          throw new Error("the business write failed");
        }),
      ),
    ).rejects.toThrow("the business write failed");
    expect(ran).toBe(false);
    expect(await committed(email)).toBe(false);
  });

  it("a failing callback is logged, the others still run, and the request succeeds", async () => {
    const email = newEmail();
    let later = false;
    const lines: Array<Record<string, unknown>> = [];
    const stop = captureLogs((line) => lines.push(line));
    const result = await withOutbox(async () => {
      await withSystem("test: write", (tx) => tx.insert(users).values({ email }));
      afterCommit(async () => {
        throw new Error("cache down");
      });
      afterCommit(() => {
        throw new Error("thrown before any promise");
      });
      afterCommit(async () => {
        later = true;
      });
      return "done";
    });
    stop();
    expect(result).toBe("done");
    expect(later).toBe(true);
    expect(await committed(email)).toBe(true);
    expect(lines.filter((l) => l.msg === "after-commit callback failed")).toHaveLength(2);
  });

  it("refuses to register outside a unit of work", () => {
    expect(() => afterCommit(async () => {})).toThrow(/unit of work/);
  });

  it("belongs to the innermost unit of work", async () => {
    const order: string[] = [];
    await withOutbox(async () => {
      await withOutbox(async () => afterCommit(async () => void order.push("inner")));
      order.push("between");
      afterCommit(async () => void order.push("outer"));
    });
    expect(order).toEqual(["inner", "between", "outer"]);
  });
});
