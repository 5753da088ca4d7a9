// The admin flag actions as Next calls them: anyone but a platform admin gets not_found and changes nothing; an
// admin's edit is audited and seen by the very next evaluation.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase } from "@/db/client";
import { auditLogs, featureFlagOverrides, featureFlags, users } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import type { ActionState } from "@/lib/action";
import { isEnabled } from "@/lib/flags/is-enabled";
import { buildFlagSnapshot } from "@/lib/flags/snapshot";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { codeOf, requestScope, submit } from "@/test/next-request";

vi.mock("next/headers", async () => (await import("@/test/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/test/next-request")).nextCache);

const { removeFlagOverrideAction, setFlagOverrideAction, updateFlagAction } = await import("./actions");

type Action = (prev: ActionState<never>, form: FormData) => Promise<ActionState<unknown>>;
const FLAG = "projects.quick_filter";

let org: Awaited<ReturnType<typeof createOrgWithOwner>>;
let ownerToken: string;
let adminToken: string;

const flagRow = async () => (await withSystem("test", (tx) => tx.select().from(featureFlags).where(eq(featureFlags.key, FLAG))))[0]!;
const overrides = () => withSystem("test", (tx) => tx.select().from(featureFlagOverrides).where(eq(featureFlagOverrides.orgId, org.org.id)));
const adminEntries = () => withSystem("test", (tx) => tx.select().from(auditLogs).where(eq(auditLogs.targetId, FLAG)));

beforeAll(async () => {
  org = await createOrgWithOwner("flags");
  const [admin] = await withSystem("test: platform admin", (tx) =>
    tx.insert(users).values({ email: `admin-${randomUUID()}@example.test`, isPlatformAdmin: true }).returning(),
  );
  [ownerToken, adminToken] = await Promise.all([createSession(org.user.id), createSession(admin!.id)]);
  await withSystem("test: flag rows", buildFlagSnapshot);
});
afterAll(closeDatabase);

describe("the admin flag actions", () => {
  const forms = (version: number): Array<[string, Action, Record<string, string>]> => [
    ["updateFlagAction", updateFlagAction as Action, { key: FLAG, version: String(version), description: "Taken over", defaultEnabled: "on", rolloutPercent: "100", plans: "" }],
    ["setFlagOverrideAction", setFlagOverrideAction as Action, { key: FLAG, slug: org.org.slug, enabled: "on" }],
    ["removeFlagOverrideAction", removeFlagOverrideAction as Action, { key: FLAG, orgId: org.org.id }],
  ];

  it("answer not_found to an organization owner and to a signed-out caller, and change nothing", async () => {
    const before = await flagRow();
    for (const token of [ownerToken, ""]) {
      requestScope.token = token;
      for (const [name, action, fields] of forms(before.version)) expect(codeOf(await submit(action, fields)), name).toBe("not_found");
    }
    expect(await flagRow()).toEqual(before);
    expect(await overrides()).toEqual([]);
    expect(await adminEntries()).toEqual([]);
  });

  it("let a platform admin edit the flag and an organization's override, each audited and evaluated at once", async () => {
    requestScope.token = adminToken;
    const subject = { org: { orgId: org.org.id, plan: "free" } };
    expect(await isEnabled(FLAG, subject)).toBe(false);

    const refused = await submit(updateFlagAction as Action, { key: FLAG, version: String((await flagRow()).version), description: "", defaultEnabled: "off", rolloutPercent: "101" });
    expect(refused).toMatchObject({ ok: false, error: { code: "validation_error", fields: { rolloutPercent: ["At most 100."] } } });

    expect(codeOf(await submit(setFlagOverrideAction as Action, { key: FLAG, slug: org.org.slug.toUpperCase(), enabled: "on" }))).toBe("ok");
    expect(await isEnabled(FLAG, subject)).toBe(true);

    expect(codeOf(await submit(removeFlagOverrideAction as Action, { key: FLAG, orgId: org.org.id }))).toBe("ok");
    expect(await isEnabled(FLAG, subject)).toBe(false);

    const version = (await flagRow()).version;
    expect(codeOf(await submit(updateFlagAction as Action, { key: FLAG, version: String(version), description: "Everyone", defaultEnabled: "on", rolloutPercent: "0", plans: "free" }))).toBe("ok");
    expect(await flagRow()).toMatchObject({ defaultEnabled: true, plans: ["free"], version: version + 1 });
    expect(await isEnabled(FLAG, subject)).toBe(true);
    expect(await isEnabled(FLAG, { org: { ...subject.org, plan: "pro" } })).toBe(false);

    expect((await adminEntries()).map((e) => e.action).sort()).toEqual(["admin.feature_flag.override_removed", "admin.feature_flag.override_set", "admin.feature_flag.updated"]);
  });
});
