import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, database } from "@/db/client";
import { stubEnv, unstubAllEnvs } from "@/test/env";

describe("the app's database settings", () => {
  afterEach(async () => {
    unstubAllEnvs();
    await closeDatabase();
  });

  it("hands DATABASE_PREPARED_STATEMENTS=false to db/, for transaction-mode poolers", async () => {
    await closeDatabase();
    stubEnv("DATABASE_PREPARED_STATEMENTS", "false");
    expect(database().settings.preparedStatements).toBe(false);
  });

  it("prepares statements by default on a Postgres server", async () => {
    await closeDatabase();
    stubEnv("DATABASE_PREPARED_STATEMENTS", "true");
    stubEnv("KEEL_EMBEDDED_DB", "0");
    expect(database().settings.preparedStatements).toBe(true);
  });
});
