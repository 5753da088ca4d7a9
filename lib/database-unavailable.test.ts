// A database that cannot be reached (a restart, a failover) is answered 503 with Retry-After, never a bare 500:
// the caller should try again, and nothing is wrong with its request.
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/db/client";
import { AppError } from "./errors";
import { errorResponse } from "./route";

describe("an unreachable database", () => {
  it("is recognised from the driver's own error, and answered 503 unavailable with Retry-After", async () => {
    // Nothing listens on port 1: the real postgres.js connection failure.
    const sql = postgres("postgres://postgres@127.0.0.1:1/none", { max: 1, connect_timeout: 5, onnotice: () => {} });
    const err = await sql`select 1`.then(
      () => undefined,
      (e: unknown) => e,
    );
    await sql.end({ timeout: 1 });
    expect(isDatabaseUnavailable(err)).toBe(true);
    // drizzle wraps driver errors: the code sits on the cause.
    expect(isDatabaseUnavailable(new Error("Failed query: select 1", { cause: err }))).toBe(true);
    // "terminating connection due to administrator command", what a restart tells open connections.
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection"), { code: "57P01" }))).toBe(true);

    const response = errorResponse(err, "req-1");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unavailable");
  });

  it("leaves query errors and application errors alone", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(errorResponse(Object.assign(new Error("duplicate key"), { code: "23505" }), "req-2").status).toBe(500);
    expect(errorResponse(new AppError("not_found", "Not found."), "req-3").status).toBe(404);
  });
});
