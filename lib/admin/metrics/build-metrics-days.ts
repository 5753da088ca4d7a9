import type { RevenueDay } from "@/db/queries/metrics";
import type { NewMetricsDay } from "@/db/schema";

/** What one day's row is made of: the ledger's figures and the day's counts from the other raw tables. */
export type DayInputs = {
  revenue: RevenueDay[];
  signups: Map<string, { signups: number; newOrgs: number }>;
  active: Map<string, { dau: number; wau: number; mau: number }>;
  apiRequests: Map<string, number>;
};

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * The metrics_daily rows of the revenue days, with the derived figures: ARR (12 x MRR), net new MRR (the sum of
 * the movements, which equals the day's change in MRR), ARPA (MRR per paying organization, whole cents), and the
 * 30-day rates: logo churn (organizations that stopped paying / paying organizations 30 days before), revenue
 * churn (churned + contraction MRR / MRR 30 days before) and trial conversion (trials that started paying / trials
 * that ended). A rate with nothing to divide by is null, not 0.
 */
export function buildMetricsDays({ revenue, signups, active, apiRequests }: DayInputs): NewMetricsDay[] {
  return revenue.map((r) => ({
    day: r.day,
    mrrCents: r.mrrCents,
    arrCents: r.mrrCents * 12,
    newMrrCents: r.newMrrCents,
    expansionMrrCents: r.expansionMrrCents,
    contractionMrrCents: r.contractionMrrCents,
    churnedMrrCents: r.churnedMrrCents,
    reactivationMrrCents: r.reactivationMrrCents,
    netNewMrrCents: r.newMrrCents + r.expansionMrrCents + r.reactivationMrrCents - r.contractionMrrCents - r.churnedMrrCents,
    payingOrgs: r.payingOrgs,
    newPayingOrgs: r.newPayingOrgs,
    churnedOrgs: r.churnedOrgs,
    reactivatedOrgs: r.reactivatedOrgs,
    trialsStarted: r.trialsStarted,
    trialConversions: r.trialConversions,
    trialsLost: r.trialsLost,
    trialConversionRate: ratio(r.trialConversions30d, r.trialsEnded30d),
    logoChurnRate: ratio(r.churnedOrgs30d, r.payingOrgs30DaysAgo),
    revenueChurnRate: ratio(r.lostMrrCents30d, r.mrrCents30DaysAgo),
    arpaCents: r.payingOrgs > 0 ? Math.round(r.mrrCents / r.payingOrgs) : null,
    signups: signups.get(r.day)?.signups ?? 0,
    newOrgs: signups.get(r.day)?.newOrgs ?? 0,
    dau: active.get(r.day)?.dau ?? 0,
    wau: active.get(r.day)?.wau ?? 0,
    mau: active.get(r.day)?.mau ?? 0,
    apiRequests: apiRequests.get(r.day) ?? 0,
  }));
}
