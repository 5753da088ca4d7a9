import { sql } from "drizzle-orm";
import { memberships, organizations, projects, users } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { hashPassword } from "@/lib/auth/password";

/** The documented demo password of every seeded account (README, DESIGN.md). */
export const DEMO_PASSWORD = "keel-demo-password";

// Fixed ids make the seed idempotent: a second run finds every row already there.
const ids = {
  acme: "00000000-0000-4000-8000-00000000a001",
  globex: "00000000-0000-4000-8000-00000000a002",
  ownerAcme: "00000000-0000-4000-8000-00000000b001",
  memberAcme: "00000000-0000-4000-8000-00000000b002",
  ownerGlobex: "00000000-0000-4000-8000-00000000b003",
  admin: "00000000-0000-4000-8000-00000000b004",
};

const demoUsers = [
  { id: ids.ownerAcme, email: "owner@acme.test", name: "Ada Owner" },
  { id: ids.memberAcme, email: "member@acme.test", name: "Max Member" },
  { id: ids.ownerGlobex, email: "owner@globex.test", name: "Gus Globex" },
  { id: ids.admin, email: "admin@keel.test", name: "Pat Admin", isPlatformAdmin: true },
];

const demoOrgs = [
  { id: ids.acme, slug: "acme", name: "Acme Inc.", plan: "pro" },
  { id: ids.globex, slug: "globex", name: "Globex Corporation", plan: "free" },
];

const demoMemberships = [
  { orgId: ids.acme, userId: ids.ownerAcme, role: "owner" as const },
  { orgId: ids.acme, userId: ids.memberAcme, role: "member" as const },
  { orgId: ids.globex, userId: ids.ownerGlobex, role: "owner" as const },
];

const demoProjects = [
  { id: "00000000-0000-4000-8000-00000000c001", orgId: ids.acme, name: "Website relaunch", description: "New marketing site and docs." },
  { id: "00000000-0000-4000-8000-00000000c002", orgId: ids.acme, name: "Mobile app", description: "iOS and Android clients for the API." },
  { id: "00000000-0000-4000-8000-00000000c003", orgId: ids.acme, name: "Data warehouse", description: "Nightly exports for the finance team." },
  { id: "00000000-0000-4000-8000-00000000c004", orgId: ids.globex, name: "Payments platform", description: "Card processing for the EU launch." },
  { id: "00000000-0000-4000-8000-00000000c005", orgId: ids.globex, name: "Customer portal", description: "Self-service billing and support." },
];

/** Refuses to touch a production environment: demo accounts with a published password must never exist there. */
export function assertNotProduction(): void {
  if (process.env.NODE_ENV === "production" || process.env.VERCEL_ENV === "production") {
    throw new Error("refusing to seed demo data in production (NODE_ENV or VERCEL_ENV is production)");
  }
}

/** Inserts the demo organizations, users, memberships and projects; safe to run again. Returns rows added. */
export async function seedDemoData(): Promise<number> {
  assertNotProduction();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return withSystem("seed demo data", async (tx) => {
    const added = await Promise.all([
      tx
        .insert(users)
        .values(demoUsers.map((u) => ({ ...u, passwordHash, emailVerified: new Date() })))
        .onConflictDoNothing()
        .returning({ id: users.id }),
      tx.insert(organizations).values(demoOrgs).onConflictDoNothing().returning({ id: organizations.id }),
    ]);
    const more = await Promise.all([
      tx.insert(memberships).values(demoMemberships).onConflictDoNothing().returning({ id: memberships.id }),
      tx
        .insert(projects)
        .values(demoProjects.map((p) => ({ ...p, createdBy: p.orgId === ids.acme ? ids.ownerAcme : ids.ownerGlobex })))
        .onConflictDoNothing()
        .returning({ id: projects.id }),
    ]);
    return [...added, ...more].reduce((n, rows) => n + rows.length, 0);
  });
}

/** True when the database has no users yet (a fresh embedded database the dev server should seed). */
export async function isEmpty(): Promise<boolean> {
  return withSystem("check for an empty database", async (tx) => {
    const [row] = await tx.execute<{ empty: boolean }>(sql`select not exists (select 1 from users) as empty`);
    return Boolean(row?.empty);
  });
}
