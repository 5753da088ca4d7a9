// Demo history for /admin: about 18 months of organizations signing up, trialing, paying, changing plan and seats,
// leaving and coming back, written into the same tables billing writes (subscriptions, subscription_changes), with
// sessions and API usage, then aggregated. Deterministic: a seeded PRNG, and dates counted back from today (UTC),
// so the same day always produces the same history.
import { sql } from "drizzle-orm";
import { memberships, organizations, sessions, subscriptionChanges, subscriptions, usageDaily, users, type NewSubscription } from "@/db/schema";
import { withSystem, type Tx } from "@/db/tenant";
import { aggregateCohorts, aggregateMetricDays } from "@/lib/admin/metrics/aggregate-metrics";
import { addDays, utcDay } from "@/lib/admin/metrics/days";
import { mrrCents, planById, type BillingInterval } from "@/lib/plans";
import { assertNotProduction } from "./seed";

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 548;
const TRIAL_DAYS = 14;

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same history. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

// Fixed-pattern ids (kind, index) make the seed idempotent: a second run finds its rows and adds nothing.
const demoId = (kind: number, i: number) => `00000000-0000-4000-9${kind.toString(16).padStart(3, "0")}-${i.toString(16).padStart(12, "0")}`;

const firstWords = ["Northwind", "Bluebird", "Granite", "Lumen", "Harbor", "Copper", "Juniper", "Summit", "Meridian", "Tidal", "Orchid", "Pioneer", "Cobalt", "Willow", "Beacon", "Falcon", "Sierra", "Quartz", "Evergreen", "Atlas", "Nimbus", "Redwood", "Solstice", "Kestrel", "Vantage", "Ember", "Aurora", "Canyon", "Driftwood", "Halcyon"];
const secondWords = ["Labs", "Analytics", "Health", "Logistics", "Studio", "Cloud", "Works", "Systems", "Robotics", "Foods", "Finance", "Media", "Energy", "Partners", "Software", "Bio", "Mobility", "Learning"];
const givenNames = ["Ava", "Ben", "Chloe", "Diego", "Elena", "Farah", "Gabriel", "Hana", "Ivan", "Jonas", "Keiko", "Liam", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wen", "Yusuf", "Zoe"];
const familyNames = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Silva", "Novak", "Haddad", "Kowalski", "Brennan", "Ibarra", "Petrov", "Achebe", "Larsen", "Mehta", "Quist", "Romero", "Schultz", "Varga", "Whitfield", "Zhou"];

type State = { plan: "free" | "pro" | "business"; interval: BillingInterval; seats: number; mrr: number; status: string | null };
type Ledger = typeof subscriptionChanges.$inferInsert;

/** What the generator made, ready to insert. */
type History = {
  users: (typeof users.$inferInsert)[];
  orgs: (typeof organizations.$inferInsert)[];
  memberships: (typeof memberships.$inferInsert)[];
  changes: Ledger[];
  subscriptions: NewSubscription[];
  sessions: (typeof sessions.$inferInsert)[];
  usage: (typeof usageDaily.$inferInsert)[];
};

/** The history of `count` organizations over the HISTORY_DAYS before `today` (pure: the same inputs, the same rows). */
export function generateHistory(count: number, today: string): History {
  const rand = prng(0x6b65656c);
  const start = Date.parse(`${addDays(today, -HISTORY_DAYS)}T00:00:00Z`);
  const end = Date.parse(`${today}T00:00:00Z`); // everything happens before today: yesterday is the last full day
  const at = (dayIndex: number, hour = rand.int(7, 20)) => new Date(start + dayIndex * DAY_MS + hour * 3_600_000 + rand.int(0, 59) * 60_000);
  const out: History = { users: [], orgs: [], memberships: [], changes: [], subscriptions: [], sessions: [], usage: [] };
  const slugs = new Set<string>();
  const finals = new Map<string, State & { at: Date }>();

  for (let i = 0; i < count; i++) {
    // Signups grow over time: the density of signup days rises towards today.
    const signupDay = Math.min(HISTORY_DAYS - 1, Math.floor(HISTORY_DAYS * Math.sqrt(rand.next())));
    const created = at(signupDay);
    let name = `${rand.pick(firstWords)} ${rand.pick(secondWords)}`;
    let slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    if (slugs.has(slug)) {
      name = `${name} ${i}`;
      slug = `${slug}-${i}`;
    }
    slugs.add(slug);
    const orgId = demoId(1, i);
    const userId = demoId(2, i);
    const given = rand.pick(givenNames);
    const family = rand.pick(familyNames);
    // No password: the demo history's people are figures on a chart, not accounts anyone signs in to.
    out.users.push({ id: userId, email: `${given}.${family}.${i}@${slug}.test`.toLowerCase(), name: `${given} ${family}`, emailVerified: created, createdAt: created });
    out.orgs.push({ id: orgId, slug, name, createdAt: created, updatedAt: created });
    out.memberships.push({ id: demoId(3, i), orgId, userId, role: "owner", createdAt: created });

    // The organization's life, one billing change at a time; each change is a ledger row as the billing sync writes it.
    let state: State = { plan: "free", interval: "month", seats: 0, mrr: 0, status: null };
    let hadRevenue = false;
    const change = (day: number, next: State, reason: Ledger["reason"]) => {
      const when = at(day);
      if (when.getTime() >= end) return false;
      const ledgerPlan = (s: State) => (s.status === "active" || s.status === "trialing" ? s.plan : "free");
      out.changes.push({ orgId, at: when, reason, planBefore: ledgerPlan(state), planAfter: ledgerPlan(next), mrrBeforeCents: state.mrr, mrrAfterCents: next.mrr, seatsBefore: state.seats, seatsAfter: next.seats, stripeSubscriptionId: `sub_demo_${i}` });
      if (next.mrr > 0) hadRevenue = true;
      state = next;
      finals.set(orgId, { ...next, at: when });
      return true;
    };
    const paying = (plan: "pro" | "business", interval: BillingInterval, seats: number): State => ({ plan, interval, seats, mrr: mrrCents(planById(plan), interval, seats), status: "active" });

    let day = signupDay + rand.int(0, 5);
    const path = rand.next();
    const plan = rand.chance(0.65) ? "pro" : "business";
    const seats = plan === "business" ? rand.int(2, 12) : 1;
    const interval: BillingInterval = rand.chance(0.2) ? "year" : "month";
    if (path < 0.45) {
      // A trial of 14 days, then it pays or falls back to Free.
      if (!change(day, { plan, interval, seats, mrr: 0, status: "trialing" }, "new")) continue;
      day += TRIAL_DAYS;
      if (rand.chance(0.55)) {
        if (!change(day, paying(plan, interval, seats), "new")) continue;
      } else {
        change(day, { ...state, plan: "free", mrr: 0, status: "canceled" }, "cancel");
        continue;
      }
    } else if (path < 0.6) {
      if (!change(day, paying(plan, interval, seats), "new")) continue;
    } else {
      continue; // Free for good.
    }
    // Paying: a month at a time, it may grow, shrink, leave, and sometimes come back.
    while (day < HISTORY_DAYS) {
      day += rand.int(20, 40);
      const roll = rand.next();
      if (state.status !== "active") {
        if (roll < 0.08 && !change(day, paying(rand.chance(0.7) ? "pro" : "business", "month", rand.int(2, 6)), hadRevenue ? "reactivation" : "new")) break;
        continue;
      }
      if (roll < 0.035) {
        if (!change(day, { ...state, plan: "free", mrr: 0, status: "canceled" }, "cancel")) break;
      } else if (roll < 0.075) {
        const next = state.plan === "pro" ? paying("business", state.interval, rand.int(3, 8)) : paying("business", state.interval, state.seats + rand.int(1, 3));
        if (!change(day, next, state.plan === "pro" ? "upgrade" : "seat_change")) break;
      } else if (roll < 0.095) {
        const next = state.plan === "business" && state.seats > 3 ? paying("business", state.interval, state.seats - rand.int(1, 2)) : paying("pro", state.interval, 1);
        if (next.mrr !== state.mrr && !change(day, next, next.plan === state.plan ? "seat_change" : "downgrade")) break;
      }
    }
  }

  // Each organization's row as the billing sync last left it.
  for (const [orgId, f] of finals) {
    const i = parseInt(orgId.slice(-12), 16);
    const live = f.status === "active" || f.status === "trialing";
    out.subscriptions.push({
      orgId,
      stripeCustomerId: `cus_demo_${i}`,
      stripeSubscriptionId: `sub_demo_${i}`,
      plan: f.plan,
      interval: f.interval,
      status: f.status,
      seats: f.seats,
      mrrCents: f.mrr,
      currentPeriodEnd: live ? new Date(end + ((i * 7) % 28) * DAY_MS + DAY_MS) : null,
      trialEnd: f.status === "trialing" ? new Date(f.at.getTime() + TRIAL_DAYS * DAY_MS) : null,
      syncedAt: f.at,
      createdAt: f.at,
      updatedAt: f.at,
    });
    out.orgs[i]!.plan = live ? f.plan : "free";
  }

  // Activity: people of paying organizations come most weeks, the others now and then; one session a visit, last
  // seen that day (sessions keep only their latest activity). API usage: the last 60 days of paying organizations.
  const payingSince = new Map<string, number>();
  for (const c of out.changes) if (c.mrrAfterCents > 0 && !payingSince.has(c.orgId)) payingSince.set(c.orgId, Math.floor((c.at!.getTime() - start) / DAY_MS));
  out.orgs.forEach((org, i) => {
    const signupDay = Math.floor((org.createdAt!.getTime() - start) / DAY_MS);
    const paid = payingSince.get(org.id!);
    for (let week = Math.ceil(signupDay / 7); week * 7 < HISTORY_DAYS; week++) {
      const pays = paid !== undefined && week * 7 >= paid;
      if (!rand.chance(pays ? 0.7 : 0.12)) continue;
      const day = week * 7 + rand.int(0, 6);
      if (day >= HISTORY_DAYS) continue;
      const seen = at(day);
      out.sessions.push({ sessionToken: `demo-${i.toString(36)}-${week.toString(36)}`, userId: out.users[i]!.id!, expires: new Date(seen.getTime() + 30 * DAY_MS), userAgent: "Keel demo history", createdAt: seen, lastSeenAt: seen });
    }
    if (finals.get(org.id!)?.mrr) {
      const base = rand.int(50, 3000);
      for (let d = 60; d >= 1; d--) {
        const day = utcDay(new Date(end - d * DAY_MS));
        const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
        out.usage.push({ orgId: org.id!, day, metric: "api_requests", count: Math.round(base * (weekend ? 0.3 : 1) * (0.7 + rand.next() * 0.6)) });
      }
    }
  });
  return out;
}

async function insertChunks<T>(tx: Tx, rows: T[], insert: (tx: Tx, chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await insert(tx, rows.slice(i, i + 1000));
}

/**
 * Adds the demo history (development only; idempotent: a second run finds the first organization and only
 * refreshes the figures), then aggregates every day of it up to yesterday. Returns the organizations added.
 */
export async function seedDemoHistory(options: { orgs?: number; now?: Date } = {}): Promise<number> {
  assertNotProduction();
  const today = utcDay(options.now ?? new Date());
  const history = generateHistory(options.orgs ?? 300, today);
  const added = await withSystem("seed demo history", async (tx) => {
    const [seeded] = await tx.execute<{ found: boolean }>(sql`select exists (select 1 from organizations where id = ${demoId(1, 0)}) as found`);
    if (seeded?.found) return 0;
    await insertChunks(tx, history.users, (t, c) => t.insert(users).values(c).onConflictDoNothing());
    await insertChunks(tx, history.orgs, (t, c) => t.insert(organizations).values(c).onConflictDoNothing());
    await insertChunks(tx, history.memberships, (t, c) => t.insert(memberships).values(c).onConflictDoNothing());
    await insertChunks(tx, history.changes, (t, c) => t.insert(subscriptionChanges).values(c));
    await insertChunks(tx, history.subscriptions, (t, c) => t.insert(subscriptions).values(c).onConflictDoNothing());
    await insertChunks(tx, history.sessions, (t, c) => t.insert(sessions).values(c).onConflictDoNothing());
    await insertChunks(tx, history.usage, (t, c) => t.insert(usageDaily).values(c).onConflictDoNothing());
    return history.orgs.length;
  });
  // Days and cohorts only: this process's cache is not the app's (a running server's cached page expires within its TTL).
  const yesterday = addDays(today, -1);
  await aggregateMetricDays({ from: addDays(today, -HISTORY_DAYS), to: yesterday });
  await aggregateCohorts(yesterday);
  return added;
}
