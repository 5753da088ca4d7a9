// Leaving an organization and asking for its deletion end on another organization of the person's: where to go is
// worked out after the transaction committed (from the cached list of their organizations), never inside it.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { closeDatabase } from "@/db/client";
import { memberships } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { myOrgs } from "@/lib/orgs/membership";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { requestScope, submit } from "@/test/next-request";

vi.mock("next/headers", async () => (await import("@/test/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/test/next-request")).nextCache);

const { requestOrgDeletionAction } = await import("./actions");
const { leaveOrgAction } = await import("./members/actions");

afterAll(closeDatabase);

/** A person who owns one organization ("home") and is a member of another ("shared"), signed in. */
async function personInTwoOrgs() {
  const home = await createOrgWithOwner(`home-${randomUUID().slice(0, 4)}`);
  const shared = await createOrgWithOwner("shared");
  await withSystem("test: join", (tx) => tx.insert(memberships).values({ orgId: shared.org.id, userId: home.user.id, role: "member" }));
  requestScope.token = await createSession(home.user.id);
  expect((await myOrgs(home.user.id)).map((o) => o.id).sort()).toEqual([home.org.id, shared.org.id].sort()); // warm the cache
  return { user: home.user, home: home.org, shared: shared.org };
}

describe("after leaving or deleting an organization", () => {
  it("leaving goes to the person's other organization, and their list no longer holds the one they left", async () => {
    const { user, home, shared } = await personInTwoOrgs();
    expect(await submit(leaveOrgAction, { orgSlug: shared.slug })).toEqual({ redirectedTo: `/${home.slug}/projects` });
    expect((await myOrgs(user.id)).map((o) => o.id)).toEqual([home.id]);
  });

  it("asking to delete goes to another organization, or to creating one when none is left", async () => {
    const { home, shared } = await personInTwoOrgs();
    expect(await submit(requestOrgDeletionAction, { orgSlug: home.slug, confirmSlug: home.slug })).toEqual({ redirectedTo: `/${shared.slug}/projects` });

    const alone = await createOrgWithOwner("alone");
    requestScope.token = await createSession(alone.user.id);
    expect(await submit(requestOrgDeletionAction, { orgSlug: alone.org.slug, confirmSlug: alone.org.slug })).toEqual({ redirectedTo: "/new" });
  });
});
