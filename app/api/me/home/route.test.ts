import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { createOrgWithOwner, createOutsider, createSession } from "@/test/fixtures";
import { GET } from "./route";

afterAll(closeDatabase);

async function cookieFor(userId: string) {
  const token = randomBytes(24).toString("base64url");
  await createSession(userId, { token });
  return `keel.session=${token}`;
}

const ask = (cookie?: string) => GET(new Request("http://localhost/api/me/home", { headers: cookie ? { cookie } : {} }));

describe("GET /api/me/home", () => {
  it("tells a signed-out visitor (and a stale cookie) only that they are signed out", async () => {
    for (const cookie of [undefined, "keel.session=not-a-session"]) {
      const res = await ask(cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(await res.json()).toEqual({ signedIn: false });
    }
  });

  it("gives a member the way to their organization, and someone without one the way to create one", async () => {
    const { org, user } = await createOrgWithOwner("home");
    expect(await (await ask(await cookieFor(user.id))).json()).toEqual({
      signedIn: true,
      name: user.name,
      home: { href: `/${org.slug}/projects`, label: org.name },
    });
    const loner = await createOutsider();
    expect(await (await ask(await cookieFor(loner))).json()).toMatchObject({ signedIn: true, home: { href: "/new", label: "Create an organization" } });
  });
});
