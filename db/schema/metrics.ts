import { bigint, date, doublePrecision, integer, pgTable, primaryKey, timestamp } from "drizzle-orm/pg-core";

// Platform tables (no org_id): the business figures of every organization together, written only by the
// aggregate-metrics job and read by /admin, both through withSystem. Money is in integer cents (bigint: ARR of a
// few thousand customers already passes 2^31 cents).
const cents = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);

// One row per UTC day, as of the end of that day (or of the run, for today). Flows (movements, signups, trials)
// are the day's own; stocks (MRR, paying orgs) are the state at the end of the day; rates are over the 30 days
// ending that day. Recomputing a day replaces its row, so a re-run never double counts.
export const metricsDaily = pgTable("metrics_daily", {
  day: date("day", { mode: "string" }).primaryKey(),
  mrrCents: cents("mrr_cents"),
  arrCents: cents("arr_cents"),
  // MRR movements of the day (all positive; churned and contraction are subtracted in net new).
  newMrrCents: cents("new_mrr_cents"),
  expansionMrrCents: cents("expansion_mrr_cents"),
  contractionMrrCents: cents("contraction_mrr_cents"),
  churnedMrrCents: cents("churned_mrr_cents"),
  reactivationMrrCents: cents("reactivation_mrr_cents"),
  netNewMrrCents: cents("net_new_mrr_cents"),
  payingOrgs: integer("paying_orgs").notNull().default(0),
  newPayingOrgs: integer("new_paying_orgs").notNull().default(0),
  churnedOrgs: integer("churned_orgs").notNull().default(0),
  reactivatedOrgs: integer("reactivated_orgs").notNull().default(0),
  trialsStarted: integer("trials_started").notNull().default(0),
  trialConversions: integer("trial_conversions").notNull().default(0),
  // Trials that ended without paying (canceled or expired while trialing).
  trialsLost: integer("trials_lost").notNull().default(0),
  // Over the 30 days ending this day; null when there was nothing to divide by.
  trialConversionRate: doublePrecision("trial_conversion_rate"),
  logoChurnRate: doublePrecision("logo_churn_rate"),
  revenueChurnRate: doublePrecision("revenue_churn_rate"),
  arpaCents: integer("arpa_cents"),
  signups: integer("signups").notNull().default(0),
  newOrgs: integer("new_orgs").notNull().default(0),
  dau: integer("dau").notNull().default(0),
  wau: integer("wau").notNull().default(0),
  mau: integer("mau").notNull().default(0),
  apiRequests: cents("api_requests"),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
});

// Monthly signup cohorts: of the organizations created in `cohort_month`, how many were paying at the end of the
// month `months_since` later (the current month: at the time of the run). Rewritten whole by each run.
export const metricsCohorts = pgTable(
  "metrics_cohorts",
  {
    cohortMonth: date("cohort_month", { mode: "string" }).notNull(),
    monthsSince: integer("months_since").notNull(),
    orgs: integer("orgs").notNull(),
    paying: integer("paying").notNull(),
    mrrCents: cents("mrr_cents"),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cohortMonth, t.monthsSince] })],
);

export type MetricsDay = typeof metricsDaily.$inferSelect;
export type NewMetricsDay = typeof metricsDaily.$inferInsert;
export type MetricsCohortCell = typeof metricsCohorts.$inferSelect;
