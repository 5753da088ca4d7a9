import { randomBytes } from "node:crypto";
import { withSystem, withUser } from "@/db/tenant";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { completeAccountExport, insertAccountExport } from "@/db/queries/account";
import { createOrgWithOwner, createSession } from "@/test/fixtures";
import { GET } from "./route";

afterAll(closeDatabase);

async function signIn(userId: string) {
  const token = randomBytes(24).toString("base64url");
  await createSession(userId, { token });
  return `keel.session=${token}`;
}

async function readyExport(userId: string, expiresAt = new Date(Date.now() + 86_400_000)) {
  const row = await withUser(userId, (tx) => insertAccountExport(tx, { userId, expiresAt }));
  await withSystem("test: export ready", (tx) => completeAccountExport(tx, row.id, { profile: { id: userId } }));
  return row.id;
}

const download = (id: string, cookie: string | null) =>
  GET(new Request(`http://localhost/api/account/exports/${id}`, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve({ exportId: id }) });

describe("GET /api/account/exports/{exportId}", () => {
  it("sends the owner their export as an attachment", async () => {
    const { user } = await createOrgWithOwner("dl-owner");
    const id = await readyExport(user.id);
    const res = await download(id, await signIn(user.id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="keel-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(await res.json()).toEqual({ profile: { id: user.id } });
  });

  it("answers 404 for someone else's export, an expired or unfinished one, and a malformed id; 401 signed out", async () => {
    const { user: owner } = await createOrgWithOwner("dl-a");
    const { user: other } = await createOrgWithOwner("dl-b");
    const id = await readyExport(owner.id);
    const expired = await readyExport(owner.id, new Date(Date.now() - 1_000));
    const pending = (await withUser(owner.id, (tx) => insertAccountExport(tx, { userId: owner.id, expiresAt: new Date(Date.now() + 86_400_000) }))).id;
    const ownerCookie = await signIn(owner.id);

    expect((await download(id, await signIn(other.id))).status).toBe(404);
    expect((await download(expired, ownerCookie)).status).toBe(404);
    expect((await download(pending, ownerCookie)).status).toBe(404);
    expect((await download("nope", ownerCookie)).status).toBe(404);
    expect((await download(id, null)).status).toBe(401);
  });
});
