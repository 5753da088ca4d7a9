import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, configureDatabase, database, type DatabaseSettings } from "./client";
import { projects } from "./schema";
import { withSystem, withTenant } from "./tenant";
import { createOrgWithOwner } from "@/test/fixtures";
import { startWireCounter, type WireCounter } from "@/test/wire-counter";

// What a warm tenant read costs on the wire. Before pipelining it was four round trips: begin, then the context
// and the query's describe, then the query's bind and execute, then commit.
describe("a tenant read on the wire", () => {
  let configured: DatabaseSettings;
  let counter: WireCounter;
  let ctx: { orgId: string; userId: string };
  let projectId: string;

  beforeAll(async () => {
    const { org, user } = await createOrgWithOwner("wire");
    ctx = { orgId: org.id, userId: user.id };
    const [project] = await withSystem("test setup", (tx) => tx.insert(projects).values({ orgId: org.id, name: "P" }).returning());
    projectId = project!.id;
    configured = database().settings;
    counter = await startWireCounter(configured.url!);
  });
  afterAll(async () => {
    await closeDatabase();
    configureDatabase(() => configured);
    await counter.close();
  });

  async function measure(preparedStatements: boolean) {
    await closeDatabase();
    configureDatabase(() => ({ ...configured, url: counter.url, poolMax: 1, preparedStatements }));
    const read = () => withTenant(ctx, (tx) => tx.select().from(projects).where(eq(projects.id, projectId)));
    for (let i = 0; i < 3; i++) expect(await read()).toHaveLength(1); // connect, prepare
    counter.reset();
    const reads = 10;
    for (let i = 0; i < reads; i++) await read();
    const { roundTrips, statements, parses } = counter.counts();
    return { roundTrips: roundTrips / reads, statements: statements / reads, parses: parses / reads };
  }

  it("with prepared statements: the context rides with the query, two round trips in all and nothing parsed", async () => {
    // Behind a pooler that keeps no prepared statements (the suite's PgBouncer pass), this mode cannot run.
    if (configured.preparedStatements === false) return;
    // begin and the context, the select, commit; written as begin + context + select, then commit.
    expect(await measure(true)).toEqual({ roundTrips: 2, statements: 4, parses: 0 });
  });

  it("without prepared statements (transaction-mode poolers): one more round trip, to describe the query", async () => {
    expect(await measure(false)).toEqual({ roundTrips: 3, statements: 4, parses: 1 });
  });
});
