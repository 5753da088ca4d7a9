import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, configureDatabase, database, type DatabaseSettings } from "@/db/client";
import { auditLogs, featureFlagOverrides, featureFlags, organizations } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { createCache, createUpstashRedis, type Cache } from "@/lib/cache";
import { withOutbox } from "@/lib/outbox";
import { createOrgWithOwner } from "@/test/fixtures";
import { setupRedisBridge } from "@/test/redis-bridge";
import { startWireCounter } from "@/test/wire-counter";
import { decide } from "./decide";
import { createFlagReader, DEFAULT_RECHECK_MS } from "./flag-reader";
import { isEnabled } from "./is-enabled";
import { removeFlagOverride } from "./remove-flag-override";
import { setFlagOverride } from "./set-flag-override";
import { buildFlagSnapshot, compileFlags, type FlagSnapshot } from "./snapshot";
import { updateFlag } from "./update-flag";

const FLAG = "projects.quick_filter";
const bridge = setupRedisBridge();
const warn = vi.fn();

type Org = Awaited<ReturnType<typeof createOrgWithOwner>>;
let acme: Org;
let globex: Org;
let adminId: string;

const subject = (o: Org, plan = "free") => ({ orgId: o.org.id, plan });
const currentVersion = async () => (await withSystem("test: flag version", (tx) => tx.select().from(featureFlags).where(eq(featureFlags.key, FLAG))))[0]!.version;

/** Sets the flag's rule as an admin would: through the audited operation, after commit. */
async function edit(settings: Partial<{ defaultEnabled: boolean; rolloutPercent: number; plans: string[] }>) {
  const version = await currentVersion();
  await withOutbox(() =>
    withSystem("test: edit flag", (tx) =>
      updateFlag(tx, adminId, { key: FLAG, version, description: "Quick filter", defaultEnabled: false, rolloutPercent: 0, plans: [], ...settings }),
    ),
  );
}

/** A snapshot of one flag's rule and overrides, without Postgres (for the statistics). */
const snapshotOf = (rule: FlagSnapshot["flags"][string], overrides: Record<string, boolean> = {}): FlagSnapshot => ({ version: "t", flags: { [FLAG]: rule }, overrides: { [FLAG]: overrides } });

/** Organization ids from a seeded generator: the same 10,000 on every run. */
function seededUuids(count: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  });
}

beforeAll(async () => {
  [acme, globex] = await Promise.all([createOrgWithOwner("acme"), createOrgWithOwner("globex")]);
  adminId = acme.user.id;
  // The registry's rows, as the first evaluation of a fresh deployment creates them.
  await withSystem("test: first snapshot", buildFlagSnapshot);
});
afterAll(() => bridge.deleteKeys("keel:flags-test-*"));
beforeEach(async () => {
  await withSystem("test: reset flags", (tx) => tx.delete(featureFlagOverrides));
  await edit({});
  warn.mockClear();
});

describe("a flag's decision", () => {
  it("is off for everyone until an admin turns it on (a new flag is created off)", async () => {
    expect(await isEnabled(FLAG, { org: subject(acme) })).toBe(false);
    const [row] = await withSystem("test", (tx) => tx.select().from(featureFlags).where(eq(featureFlags.key, FLAG)));
    expect(row).toMatchObject({ defaultEnabled: false, rolloutPercent: 0, plans: [] });
  });

  it("follows an organization's override over the rollout, the plan gate and the default, both ways", async () => {
    await edit({ rolloutPercent: 100 });
    expect(await isEnabled(FLAG, { org: subject(acme) })).toBe(true);
    await withOutbox(() => withSystem("test", (tx) => setFlagOverride(tx, adminId, { key: FLAG, slug: acme.org.slug, enabled: false })));
    expect(await isEnabled(FLAG, { org: subject(acme) })).toBe(false);
    expect(await isEnabled(FLAG, { org: subject(globex) })).toBe(true);

    await edit({ rolloutPercent: 0, plans: ["business"] });
    await withOutbox(() => withSystem("test", (tx) => setFlagOverride(tx, adminId, { key: FLAG, slug: globex.org.slug, enabled: true })));
    expect(await isEnabled(FLAG, { org: subject(globex, "free") })).toBe(true);
    expect(await isEnabled(FLAG, { org: subject(acme, "business") })).toBe(false);

    // Removed, the rules decide again.
    await withOutbox(() => withSystem("test", (tx) => removeFlagOverride(tx, adminId, { key: FLAG, orgId: globex.org.id })));
    expect(await isEnabled(FLAG, { org: subject(globex, "free") })).toBe(false);
  });

  it("is limited to the plans it is gated to", async () => {
    await edit({ defaultEnabled: true, plans: ["pro", "business"] });
    expect(await isEnabled(FLAG, { org: subject(acme, "free") })).toBe(false);
    expect(await isEnabled(FLAG, { org: subject(acme, "pro") })).toBe(true);
    expect(await isEnabled(FLAG, { org: subject(acme, "business") })).toBe(true);
    // A rollout does not reach past the gate either.
    await edit({ rolloutPercent: 100, plans: ["pro"] });
    expect(await isEnabled(FLAG, { org: subject(globex, "free") })).toBe(false);
    expect(await isEnabled(FLAG, { org: subject(globex, "pro") })).toBe(true);
  });

  it("rolls out to the percentage's share of 10,000 organizations (±2 points), stably, and only ever adds organizations", () => {
    const orgs = seededUuids(10_000, 20261207);
    const chosen = (percent: number) => new Set(orgs.filter((orgId) => decide(compileFlags(snapshotOf({ defaultEnabled: false, rolloutPercent: percent, plans: [] })), FLAG, { orgId, plan: "free" })));
    for (const percent of [0, 1, 10, 25, 50, 90, 100]) {
      const share = (chosen(percent).size / orgs.length) * 100;
      expect(Math.abs(share - percent), `${percent}%: ${share}`).toBeLessThanOrEqual(2);
    }
    const ten = chosen(10);
    const thirty = chosen(30);
    expect([...ten].every((orgId) => thirty.has(orgId))).toBe(true);
    // The same organizations on every evaluation.
    expect(chosen(30)).toEqual(thirty);
  });

  it("draws each flag's rollout sample on its own (the flag key is hashed too)", async () => {
    const { rolloutBucket } = await import("./rollout");
    const orgs = seededUuids(10_000, 7);
    const both = orgs.filter((id) => rolloutBucket("a.one", id) < 50 && rolloutBucket("b.two", id) < 50).length;
    expect(Math.abs((both / orgs.length) * 100 - 25)).toBeLessThanOrEqual(2);
  });
});

describe("the snapshot cache", () => {
  let clock: number;
  let builds: number;
  // A namespace per test: the edits of the file's setup reach the process cache, not this one.
  let namespace: string;
  const redisCache = (): Cache => createCache({ backend: createUpstashRedis({ url: bridge.url, token: bridge.token, timeoutMs: 2_000 }), namespace, log: { warn } });
  /** One process: its own cache client and its own in-process copy, over the shared Redis and Postgres. */
  const processReader = (cache = redisCache()) =>
    createFlagReader({
      cache,
      build: () => ((builds += 1), withSystem("test: build flags", buildFlagSnapshot)),
      now: () => clock,
      log: { warn },
    });
  const evaluate = async (reader: ReturnType<typeof processReader>, o: Org) => decide(await reader.current(), FLAG, subject(o));

  beforeEach(() => {
    clock = 1_000_000;
    builds = 0;
    namespace = `flags-test-${randomUUID().slice(0, 8)}`;
  });

  it("shows an edit at once in the process that made it, and in another process once its copy is re-checked", async () => {
    const here = processReader();
    const there = processReader();
    expect(await evaluate(here, acme)).toBe(false);
    expect(await evaluate(there, acme)).toBe(false);
    expect(builds).toBe(1); // the second process found the first one's snapshot in Redis

    await edit({ defaultEnabled: true });
    await here.invalidate();
    expect(await evaluate(here, acme)).toBe(true);
    // The other process trusts its copy for a few seconds, then sees the version moved.
    expect(await evaluate(there, acme)).toBe(false);
    clock += DEFAULT_RECHECK_MS;
    expect(await evaluate(there, acme)).toBe(true);
    expect(builds).toBe(2); // one rebuild after the edit, shared through Redis
    expect(warn).not.toHaveBeenCalled();
  });

  it("evaluates without a single SQL statement once warm: from its copy, and on a re-check or a new process against Redis", async () => {
    const configured: DatabaseSettings = database().settings;
    const counter = await startWireCounter(configured.url!);
    await closeDatabase();
    configureDatabase(() => ({ ...configured, url: counter.url }));
    try {
      const reader = processReader();
      await evaluate(reader, acme);
      counter.reset();
      for (let i = 0; i < 10_000; i++) decide(await reader.current(), FLAG, subject(i % 2 ? acme : globex));
      clock += DEFAULT_RECHECK_MS; // the copy is re-checked: one Redis round trip
      expect(await evaluate(reader, acme)).toBe(false);
      expect(await evaluate(processReader(), globex)).toBe(false); // a new process, Redis warm
      expect(counter.counts().statements).toBe(0);

      // The counter does see Postgres when the snapshot must be rebuilt (after an edit).
      await reader.invalidate();
      await evaluate(reader, acme);
      expect(counter.counts().statements).toBeGreaterThan(0);
    } finally {
      await closeDatabase();
      configureDatabase(() => configured);
      await counter.close();
    }
  });

  it("keeps evaluating when Redis is dead: rebuilt from Postgres at most once per re-check interval", async () => {
    const dead = createCache({ backend: createUpstashRedis({ url: "http://127.0.0.1:9", token: "t", timeoutMs: 200 }), namespace, log: { warn } });
    const reader = processReader(dead);
    await edit({ defaultEnabled: true });
    expect(await evaluate(reader, acme)).toBe(true);
    for (let i = 0; i < 100; i++) await evaluate(reader, globex);
    expect(builds).toBe(1);
    clock += DEFAULT_RECHECK_MS;
    expect(await evaluate(reader, acme)).toBe(true);
    expect(builds).toBe(2);
    expect(warn).toHaveBeenCalled(); // the cache said Redis is down
  });
});

describe("admin edits", () => {
  it("refuses an edit made over a newer change, and audits each edit", async () => {
    const version = await currentVersion();
    await edit({ rolloutPercent: 20 });
    const stale = withOutbox(() =>
      withSystem("test", (tx) => updateFlag(tx, adminId, { key: FLAG, version, description: "", defaultEnabled: true, rolloutPercent: 0, plans: [] })),
    );
    await expect(stale).rejects.toMatchObject({ code: "conflict" });
    const entries = await withSystem("test", (tx) =>
      tx.select().from(auditLogs).where(and(eq(auditLogs.targetType, "feature_flag"), eq(auditLogs.targetId, FLAG))).orderBy(desc(auditLogs.createdAt), desc(auditLogs.id)),
    );
    expect(entries[0]).toMatchObject({ action: "admin.feature_flag.updated", actorId: adminId, orgId: null, metadata: { changes: { rolloutPercent: { from: 0, to: 20 } } } });
  });

  it("finds the organization of an override by slug, and says so when there is none", async () => {
    const missing = withOutbox(() => withSystem("test", (tx) => setFlagOverride(tx, adminId, { key: FLAG, slug: "no-such-org-here", enabled: true })));
    await expect(missing).rejects.toMatchObject({ code: "validation_error", options: { fields: { slug: [expect.stringContaining("no-such-org-here")] } } });
    const [org] = await withSystem("test", (tx) => tx.select().from(organizations).where(eq(organizations.id, globex.org.id)));
    await withOutbox(() => withSystem("test", (tx) => setFlagOverride(tx, adminId, { key: FLAG, slug: org!.slug, enabled: true })));
    const rows = await withSystem("test", (tx) => tx.select().from(featureFlagOverrides));
    expect(rows).toEqual([expect.objectContaining({ orgId: globex.org.id, flagKey: FLAG, enabled: true, createdBy: adminId })]);
  });
});
