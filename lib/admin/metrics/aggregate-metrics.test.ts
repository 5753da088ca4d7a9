import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/db/client";
import { listCohortCells, listMetricsDays } from "@/db/queries/metrics";
import { memberships, metricsDaily, organizations, sessions, subscriptionChanges, usageDaily, users, type MetricsDay } from "@/db/schema";
import { withSystem } from "@/db/tenant";
import { aggregateMetrics as aggregateMetricsJob } from "@/jobs/functions/aggregate-metrics";
import { aggregateMetricDays } from "./aggregate-metrics";
import { loadMetricsDashboard } from "./load-dashboard";
import { aggregateMetrics } from "./run-aggregation";

// A hand-computed fixture: twelve organizations over the first quarter of 2021 (a time no other test writes to),
// with trials won and lost, new revenue, an upgrade, a downgrade, a seat change, churn and a reactivation. Every
// figure asserted below was worked out by hand from this table (see the comments), not by running the code.
//
//   org  created  ledger (day: plan before -> after, MRR before -> after)
//   K    01-02    (free forever)
//   A    01-05    01-05 free->pro 0->0 (trial)  01-19 pro 0->2900 (converts)  03-10 pro->business 2900->9500 (upgrade)
//   B    01-10    01-10 free->pro 0->2900       02-15 pro->free 2900->0 (churn) 03-20 free->pro 0->2900 (reactivation)
//   C    01-15    01-15 free->business 0->5700  02-20 business 3->5 seats 5700->9500  03-15 business->pro 9500->2900
//   D    01-20    01-20 free->business 0->0 (trial)  02-03 business->free 0->0 (trial lost)
//   H    01-25    01-25 free->business 0->3800
//   E    02-01    02-01 free->pro 0->0 (trial)  02-15 pro 0->2900 (converts)
//   F    02-05    (free forever)
//   G    02-10    02-10 free->pro 0->2900       03-05 pro->free 2900->0 (churn)
//   I    03-01    03-01 free->pro 0->0 (trial)  03-15 pro->free 0->0 (trial lost)
//   J    03-05    03-05 free->pro 0->2900
//   L    03-20    03-25 free->business 0->19000 (10 seats)
type Change = [day: string, planBefore: string, planAfter: string, before: number, after: number, seatsBefore: number, seatsAfter: number, reason: (typeof subscriptionChanges.reason.enumValues)[number]];
const fixture: Record<string, { created: string; changes: Change[] }> = {
  K: { created: "01-02", changes: [] },
  A: { created: "01-05", changes: [["01-05", "free", "pro", 0, 0, 0, 1, "new"], ["01-19", "pro", "pro", 0, 2900, 1, 1, "new"], ["03-10", "pro", "business", 2900, 9500, 1, 5, "upgrade"]] },
  B: { created: "01-10", changes: [["01-10", "free", "pro", 0, 2900, 0, 1, "new"], ["02-15", "pro", "free", 2900, 0, 1, 1, "cancel"], ["03-20", "free", "pro", 0, 2900, 1, 1, "reactivation"]] },
  C: { created: "01-15", changes: [["01-15", "free", "business", 0, 5700, 0, 3, "new"], ["02-20", "business", "business", 5700, 9500, 3, 5, "seat_change"], ["03-15", "business", "pro", 9500, 2900, 5, 1, "downgrade"]] },
  D: { created: "01-20", changes: [["01-20", "free", "business", 0, 0, 0, 2, "new"], ["02-03", "business", "free", 0, 0, 2, 2, "cancel"]] },
  H: { created: "01-25", changes: [["01-25", "free", "business", 0, 3800, 0, 2, "new"]] },
  E: { created: "02-01", changes: [["02-01", "free", "pro", 0, 0, 0, 1, "new"], ["02-15", "pro", "pro", 0, 2900, 1, 1, "new"]] },
  F: { created: "02-05", changes: [] },
  G: { created: "02-10", changes: [["02-10", "free", "pro", 0, 2900, 0, 1, "new"], ["03-05", "pro", "free", 2900, 0, 1, 1, "cancel"]] },
  I: { created: "03-01", changes: [["03-01", "free", "pro", 0, 0, 0, 1, "new"], ["03-15", "pro", "free", 0, 0, 1, 1, "cancel"]] },
  J: { created: "03-05", changes: [["03-05", "free", "pro", 0, 2900, 0, 1, "new"]] },
  L: { created: "03-20", changes: [["03-25", "free", "business", 0, 19000, 0, 10, "new"]] },
};
const at = (day: string, hour = 12) => new Date(`2021-${day}T${String(hour).padStart(2, "0")}:00:00Z`);
const userIds: Record<string, string> = {};

async function insertFixture() {
  await withSystem("test: metrics fixture", async (tx) => {
    for (const [name, org] of Object.entries(fixture)) {
      const tag = `${name.toLowerCase()}-${randomUUID().slice(0, 8)}`;
      const [user] = await tx.insert(users).values({ email: `${tag}@metrics.test`, createdAt: at(org.created, 9) }).returning();
      const [row] = await tx.insert(organizations).values({ slug: tag, name: `Org ${name}`, createdAt: at(org.created, 9) }).returning();
      userIds[name] = user!.id;
      await tx.insert(memberships).values({ orgId: row!.id, userId: user!.id, role: "owner" });
      for (const [day, planBefore, planAfter, before, after, seatsBefore, seatsAfter, reason] of org.changes) {
        await tx.insert(subscriptionChanges).values({ orgId: row!.id, at: at(day), reason, planBefore, planAfter, mrrBeforeCents: before, mrrAfterCents: after, seatsBefore, seatsAfter });
      }
      if (name === "A") {
        await tx.insert(usageDaily).values([
          { orgId: row!.id, day: "2021-03-30", metric: "api_requests", count: 7 },
          { orgId: row!.id, day: "2021-03-31", metric: "api_requests", count: 100 },
        ]);
      }
      if (name === "C") await tx.insert(usageDaily).values({ orgId: row!.id, day: "2021-03-31", metric: "api_requests", count: 50 });
    }
    // Last seen: A and B on 03-31 (B also on 03-25 in another session), C on 03-28, E on 03-02, J on 02-20.
    const seen: [string, string, number][] = [["A", "03-31", 10], ["B", "03-31", 11], ["B", "03-25", 8], ["C", "03-28", 15], ["E", "03-02", 7], ["J", "02-20", 12]];
    await tx.insert(sessions).values(
      seen.map(([name, day, hour]) => ({ sessionToken: randomUUID(), userId: userIds[name]!, expires: new Date("2099-01-01T00:00:00Z"), lastSeenAt: at(day, hour), createdAt: at(day, hour) })),
    );
  });
}

const days = async () => new Map((await withSystem("test: read metrics", (tx) => listMetricsDays(tx, "2021-01-01"))).map((d) => [d.day, d]));
// When a row was computed differs between runs; every figure must not.
const strip = (d: MetricsDay) => ({ ...d, computedAt: null });

describe("aggregate metrics", () => {
  beforeAll(async () => {
    await insertFixture();
    await aggregateMetrics({ from: "2021-01-01", to: "2021-03-31" });
  });
  afterAll(closeDatabase);

  it("computes MRR, ARR, paying organizations and ARPA at the end of each day", async () => {
    const d = await days();
    expect(d.size).toBe(90);
    // Jan end: A 2900 + B 2900 + C 5700 + H 3800; Feb end: A 2900 + C 9500 + H 3800 + G 2900 + E 2900;
    // Mar end: A 9500 + B 2900 + C 2900 + H 3800 + E 2900 + J 2900 + L 19000.
    expect(d.get("2021-01-31")).toMatchObject({ mrrCents: 15_300, arrCents: 183_600, payingOrgs: 4, arpaCents: 3825 });
    expect(d.get("2021-02-28")).toMatchObject({ mrrCents: 22_000, arrCents: 264_000, payingOrgs: 5, arpaCents: 4400 });
    expect(d.get("2021-03-31")).toMatchObject({ mrrCents: 43_900, arrCents: 526_800, payingOrgs: 7, arpaCents: 6271 }); // 43900 / 7 = 6271.43
    expect(d.get("2021-01-01")).toMatchObject({ mrrCents: 0, payingOrgs: 0, arpaCents: null });
    // The day A upgraded and the day C downgraded: 22000 + 6600 = 28600, then 28600 - 6600.
    expect(d.get("2021-03-10")!.mrrCents).toBe(28_600);
    expect(d.get("2021-03-15")!.mrrCents).toBe(22_000);
  });

  it("splits each day's change into new, expansion, contraction, churned and reactivation MRR", async () => {
    const d = await days();
    expect(strip(d.get("2021-02-15")!)).toMatchObject({ newMrrCents: 2900, churnedMrrCents: 2900, netNewMrrCents: 0, newPayingOrgs: 1, churnedOrgs: 1, trialConversions: 1 });
    expect(d.get("2021-02-20")).toMatchObject({ expansionMrrCents: 3800, netNewMrrCents: 3800 }); // C's seat change
    expect(d.get("2021-03-10")).toMatchObject({ expansionMrrCents: 6600, netNewMrrCents: 6600 }); // A's upgrade
    expect(d.get("2021-03-15")).toMatchObject({ contractionMrrCents: 6600, netNewMrrCents: -6600, trialsLost: 1 }); // C's downgrade, I's lost trial
    expect(d.get("2021-03-20")).toMatchObject({ reactivationMrrCents: 2900, reactivatedOrgs: 1, newMrrCents: 0 }); // B comes back
    expect(d.get("2021-03-05")).toMatchObject({ newMrrCents: 2900, churnedMrrCents: 2900, netNewMrrCents: 0 }); // J in, G out

    const month = (m: string) => [...d.values()].filter((x) => x.day.startsWith(`2021-${m}`));
    const sum = (m: string, k: keyof MetricsDay) => month(m).reduce((n, x) => n + Number(x[k]), 0);
    // January: four new customers; February: G and E new, C's seats, B churned; March: J and L new, A up, C down, G out, B back.
    expect(["newMrrCents", "expansionMrrCents", "contractionMrrCents", "churnedMrrCents", "reactivationMrrCents", "netNewMrrCents"].map((k) => sum("01", k as keyof MetricsDay))).toEqual([15_300, 0, 0, 0, 0, 15_300]);
    expect(["newMrrCents", "expansionMrrCents", "contractionMrrCents", "churnedMrrCents", "reactivationMrrCents", "netNewMrrCents"].map((k) => sum("02", k as keyof MetricsDay))).toEqual([5800, 3800, 0, 2900, 0, 6700]);
    expect(["newMrrCents", "expansionMrrCents", "contractionMrrCents", "churnedMrrCents", "reactivationMrrCents", "netNewMrrCents"].map((k) => sum("03", k as keyof MetricsDay))).toEqual([21_900, 6600, 6600, 2900, 2900, 21_900]);
    // Trials: A and D in January, E in February, I in March; A and E converted, D and I did not.
    expect(["01", "02", "03"].map((m) => [sum(m, "trialsStarted"), sum(m, "trialConversions"), sum(m, "trialsLost")])).toEqual([[2, 1, 0], [1, 1, 1], [1, 0, 1]]);
    // Net new MRR is exactly the day's change in MRR, every day.
    for (const x of month("0")) {
      const before = d.get(new Date(Date.parse(`${x.day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
      expect(x.netNewMrrCents).toBe(x.mrrCents - (before?.mrrCents ?? 0));
    }
  });

  it("computes the 30-day churn and trial conversion rates", async () => {
    const d = await days();
    // Mar 31 (window 03-02..03-31): G churned of the 5 paying at the end of 03-01; G's 2900 + C's 6600 lost of 22000.
    expect(d.get("2021-03-31")!.logoChurnRate).toBeCloseTo(1 / 5, 12);
    expect(d.get("2021-03-31")!.revenueChurnRate).toBeCloseTo(9500 / 22_000, 12);
    expect(d.get("2021-03-31")!.trialConversionRate).toBe(0); // I lost, nobody converted
    // Feb 28 (window 01-30..02-28): B churned of the 4 paying on 01-29 (15300 MRR); E converted, D lost.
    expect(d.get("2021-02-28")!.logoChurnRate).toBeCloseTo(1 / 4, 12);
    expect(d.get("2021-02-28")!.revenueChurnRate).toBeCloseTo(2900 / 15_300, 12);
    expect(d.get("2021-02-28")!.trialConversionRate).toBeCloseTo(1 / 2, 12);
    // Jan 31: nobody paid on Jan 1, so no churn rate; A's trial converted and none was lost.
    expect(d.get("2021-01-31")).toMatchObject({ logoChurnRate: null, revenueChurnRate: null, trialConversionRate: 1 });
  });

  it("counts signups, new organizations, active people and API requests", async () => {
    const d = await days();
    const sum = (m: string, k: "signups" | "newOrgs") => [...d.values()].filter((x) => x.day.startsWith(`2021-${m}`)).reduce((n, x) => n + x[k], 0);
    expect([sum("01", "signups"), sum("02", "signups"), sum("03", "signups")]).toEqual([6, 3, 3]);
    expect([sum("01", "newOrgs"), sum("02", "newOrgs"), sum("03", "newOrgs")]).toEqual([6, 3, 3]);
    expect(d.get("2021-01-05")).toMatchObject({ signups: 1, newOrgs: 1, trialsStarted: 1 });
    // Mar 31: A and B that day; C (03-28) and B's other session within the week; E (03-02) within 30 days; J (02-20) not.
    expect(d.get("2021-03-31")).toMatchObject({ dau: 2, wau: 3, mau: 4, apiRequests: 150 });
    expect(d.get("2021-03-30")).toMatchObject({ dau: 0, apiRequests: 7 });
  });

  it("builds monthly signup cohorts with the share still paying each month after", async () => {
    const cells = await withSystem("test: cohorts", listCohortCells);
    const mine = cells.filter((c) => c.cohortMonth.startsWith("2021-"));
    expect(mine.map((c) => [c.cohortMonth, c.monthsSince, c.orgs, c.paying, c.mrrCents])).toEqual([
      // January: K A B C D H; paying A B C H at its end, A C H (B churned) a month later, A B C H (B back) after two.
      ["2021-01-01", 0, 6, 4, 15_300],
      ["2021-01-01", 1, 6, 3, 16_200],
      ["2021-01-01", 2, 6, 4, 19_100],
      // February: E F G; E and G, then E alone.
      ["2021-02-01", 0, 3, 2, 5800],
      ["2021-02-01", 1, 3, 1, 2900],
      // March: I J L; J and L.
      ["2021-03-01", 0, 3, 2, 21_900],
    ]);
  });

  it("gives the same figures when a day, or the whole range, is run again", async () => {
    const before = [...(await days()).values()].map(strip);
    await aggregateMetricDays({ from: "2021-03-15", to: "2021-03-15" });
    await aggregateMetricDays({ from: "2021-02-10", to: "2021-03-20" });
    await aggregateMetrics({ from: "2021-01-01", to: "2021-03-31" });
    expect([...(await days()).values()].map(strip)).toEqual(before);
    const count = await withSystem("test: row count", async (tx) => (await tx.select().from(metricsDaily)).length);
    expect(count).toBe(90);
  });

  it("builds the page's cards, monthly movements and cohort rows from the stored days", async () => {
    await aggregateMetrics({ from: "2021-01-01", to: "2021-03-31" });
    const page = await loadMetricsDashboard("all");
    const card = (key: string) => page.cards.find((c) => c.key === key)!;
    expect(page.asOf).toBe("2021-03-31");
    expect([card("mrr").value, card("mrr").previous]).toEqual([43_900, 22_000]); // vs the end of 03-01
    expect([card("net-new-mrr").value, card("net-new-mrr").previous]).toEqual([21_900, 6700]); // March vs all of February
    expect([card("paying-orgs").value, card("paying-orgs").previous]).toEqual([7, 5]);
    expect(card("churn").value).toBeCloseTo(0.2, 12);
    expect([card("active-users").value, card("active-users").previous]).toEqual([4, 1]); // on 03-01 only J (02-20) within 30 days
    expect(page.movements).toEqual([
      { month: "2021-01-01", new: 15_300, expansion: 0, reactivation: 0, contraction: 0, churned: 0, net: 15_300 },
      { month: "2021-02-01", new: 5800, expansion: 3800, reactivation: 0, contraction: 0, churned: -2900, net: 6700 },
      { month: "2021-03-01", new: 21_900, expansion: 6600, reactivation: 2900, contraction: -6600, churned: -2900, net: 21_900 },
    ]);
    expect(page.signups).toEqual({ bucket: "month", points: [{ period: "2021-01-01", signups: 6, newOrgs: 6 }, { period: "2021-02-01", signups: 3, newOrgs: 3 }, { period: "2021-03-01", signups: 3, newOrgs: 3 }] });
    // Newest cohort first; shares of each cohort's size.
    expect(page.cohorts.rows.map((r) => [r.month, r.orgs, r.cells.map((c) => c.share)])).toEqual([
      ["2021-03-01", 3, [2 / 3]],
      ["2021-02-01", 3, [2 / 3, 1 / 3]],
      ["2021-01-01", 6, [4 / 6, 3 / 6, 4 / 6]],
    ]);
  });

  it("runs as the aggregate-metrics job on demand, and the page's cached read sees what it wrote", async () => {
    await aggregateMetrics({ from: "2021-01-01", to: "2021-03-31" });
    const cached = await loadMetricsDashboard("all");
    expect(cached.cards.find((c) => c.key === "mrr")!.value).toBe(43_900);

    // Wipe one day's row behind the cache's back: the cached page still shows the old figures...
    await withSystem("test: drop a day", (tx) => tx.delete(metricsDaily).where(eq(metricsDaily.day, "2021-03-31")));
    expect((await loadMetricsDashboard("all")).asOf).toBe("2021-03-31");

    // ...until the job writes again, which invalidates the cache.
    const t = new InngestTestEngine({
      function: aggregateMetricsJob,
      events: [{ name: "admin/metrics-aggregation.requested", data: { orgId: null, actorId: null, requestId: "test", from: "2021-03-01", to: "2021-03-31" } }],
    });
    const { result } = await t.execute();
    expect(result).toEqual({ from: "2021-03-01", to: "2021-03-31", days: 31, cohortCells: expect.any(Number) });
    const fresh = await loadMetricsDashboard("all");
    expect(fresh.asOf).toBe("2021-03-31");
    expect(fresh.cards.find((c) => c.key === "paying-orgs")!.value).toBe(7);
    expect(fresh.daily.at(-1)).toEqual({ day: "2021-03-31", mrr: 43_900, dau: 2, wau: 3, mau: 4 });
  });
});
