import { asc, gte, max, min, sql } from "drizzle-orm";
import { metricsCohorts, metricsDaily, type MetricsCohortCell, type MetricsDay, type NewMetricsDay } from "../schema";
import type { Tx } from "../tenant";

// The aggregation's reads over the raw tables (as the system: every organization at once) and its writes. Days are
// UTC dates as 'YYYY-MM-DD'; a day's end is the next midnight UTC. All of it runs inside withSystem.

const dayEnd = (day: string) => sql`((${day}::date + 1)::timestamp at time zone 'UTC')`;
const utcDay = (column: ReturnType<typeof sql>) => sql`(${column} at time zone 'UTC')::date`;

/** The revenue figures of one day, straight from the ledger, with the 30-day sums the rates are made of. */
export type RevenueDay = {
  day: string;
  mrrCents: number;
  payingOrgs: number;
  newMrrCents: number;
  expansionMrrCents: number;
  contractionMrrCents: number;
  churnedMrrCents: number;
  reactivationMrrCents: number;
  newPayingOrgs: number;
  churnedOrgs: number;
  reactivatedOrgs: number;
  trialsStarted: number;
  trialConversions: number;
  trialsLost: number;
  /** MRR and paying organizations at the end of the day 30 days before (the churn rates' denominators). */
  mrrCents30DaysAgo: number;
  payingOrgs30DaysAgo: number;
  /** Sums over the 30 days ending this day. */
  churnedOrgs30d: number;
  lostMrrCents30d: number;
  trialConversions30d: number;
  trialsEnded30d: number;
};

/**
 * Revenue per day from `from` to `to` (inclusive), from `subscription_changes` alone. Each ledger row is read as a
 * state change of its organization, from the previous row's MRR (0 before the first) to its own, so MRR at any
 * moment is the sum of every change before it and net new MRR is exactly the day's change in MRR:
 * 0 → x is new (or reactivation, when the organization had revenue before), x → 0 is churn, x → y expansion or
 * contraction. A trial is a change to a paid plan at 0 MRR; it converts when revenue starts on a paid plan, and is
 * lost when it falls back to Free without having paid.
 */
export async function revenueByDay(tx: Tx, from: string, to: string): Promise<RevenueDay[]> {
  const rows = await tx.execute<Record<string, string | number>>(sql`
    with ledger as (
      select ${utcDay(sql`at`)} as day, plan_before, plan_after, mrr_after_cents as mrr,
        coalesce(lag(mrr_after_cents) over w, 0) as prev,
        coalesce(max(mrr_after_cents) over (w rows between unbounded preceding and 1 preceding), 0) as peak_before
      from subscription_changes
      where at < ${dayEnd(to)}
      window w as (partition by org_id order by at, id)
    ),
    changes as (
      select day,
        sum(mrr - prev) as delta_mrr,
        sum((mrr > 0)::int - (prev > 0)::int) as delta_paying,
        sum(mrr) filter (where prev = 0 and mrr > 0 and peak_before = 0) as new_mrr,
        count(*) filter (where prev = 0 and mrr > 0 and peak_before = 0) as new_orgs,
        sum(mrr) filter (where prev = 0 and mrr > 0 and peak_before > 0) as reactivation_mrr,
        count(*) filter (where prev = 0 and mrr > 0 and peak_before > 0) as reactivated_orgs,
        sum(mrr - prev) filter (where prev > 0 and mrr > prev) as expansion_mrr,
        sum(prev - mrr) filter (where prev > 0 and mrr > 0 and mrr < prev) as contraction_mrr,
        sum(prev) filter (where prev > 0 and mrr = 0) as churned_mrr,
        count(*) filter (where prev > 0 and mrr = 0) as churned_orgs,
        count(*) filter (where plan_before = 'free' and plan_after <> 'free' and mrr = 0) as trials_started,
        count(*) filter (where plan_before <> 'free' and plan_after <> 'free' and prev = 0 and mrr > 0) as trial_conversions,
        count(*) filter (where plan_before <> 'free' and plan_after = 'free' and prev = 0) as trials_lost
      from ledger
      group by day
    ),
    days as (
      select d::date as day from generate_series(${from}::date - 30, ${to}::date, interval '1 day') d
    ),
    base as (
      select coalesce(sum(delta_mrr), 0) as mrr, coalesce(sum(delta_paying), 0) as paying from changes where day < ${from}::date - 30
    ),
    daily as (
      select days.day,
        base.mrr + sum(coalesce(c.delta_mrr, 0)) over running as mrr,
        base.paying + sum(coalesce(c.delta_paying, 0)) over running as paying,
        coalesce(c.new_mrr, 0) as new_mrr, coalesce(c.expansion_mrr, 0) as expansion_mrr,
        coalesce(c.contraction_mrr, 0) as contraction_mrr, coalesce(c.churned_mrr, 0) as churned_mrr,
        coalesce(c.reactivation_mrr, 0) as reactivation_mrr,
        coalesce(c.new_orgs, 0) as new_orgs, coalesce(c.churned_orgs, 0) as churned_orgs, coalesce(c.reactivated_orgs, 0) as reactivated_orgs,
        coalesce(c.trials_started, 0) as trials_started, coalesce(c.trial_conversions, 0) as trial_conversions, coalesce(c.trials_lost, 0) as trials_lost
      from days cross join base left join changes c on c.day = days.day
      window running as (order by days.day)
    ),
    windowed as (
      select daily.*,
        coalesce(lag(mrr, 30) over w, 0) as mrr_30,
        coalesce(lag(paying, 30) over w, 0) as paying_30,
        sum(churned_orgs) over last30 as churned_orgs_30,
        sum(churned_mrr + contraction_mrr) over last30 as lost_mrr_30,
        sum(trial_conversions) over last30 as conversions_30,
        sum(trial_conversions + trials_lost) over last30 as trials_ended_30
      from daily
      window w as (order by day), last30 as (order by day rows between 29 preceding and current row)
    )
    select to_char(day, 'YYYY-MM-DD') as day, mrr::float8, paying::float8, new_mrr::float8, expansion_mrr::float8,
      contraction_mrr::float8, churned_mrr::float8, reactivation_mrr::float8, new_orgs::float8, churned_orgs::float8,
      reactivated_orgs::float8, trials_started::float8, trial_conversions::float8, trials_lost::float8, mrr_30::float8,
      paying_30::float8, churned_orgs_30::float8, lost_mrr_30::float8, conversions_30::float8, trials_ended_30::float8
    from windowed
    where day >= ${from}::date
    order by day`);
  return rows.map((r) => ({
    day: String(r.day),
    mrrCents: Number(r.mrr),
    payingOrgs: Number(r.paying),
    newMrrCents: Number(r.new_mrr),
    expansionMrrCents: Number(r.expansion_mrr),
    contractionMrrCents: Number(r.contraction_mrr),
    churnedMrrCents: Number(r.churned_mrr),
    reactivationMrrCents: Number(r.reactivation_mrr),
    newPayingOrgs: Number(r.new_orgs),
    churnedOrgs: Number(r.churned_orgs),
    reactivatedOrgs: Number(r.reactivated_orgs),
    trialsStarted: Number(r.trials_started),
    trialConversions: Number(r.trial_conversions),
    trialsLost: Number(r.trials_lost),
    mrrCents30DaysAgo: Number(r.mrr_30),
    payingOrgs30DaysAgo: Number(r.paying_30),
    churnedOrgs30d: Number(r.churned_orgs_30),
    lostMrrCents30d: Number(r.lost_mrr_30),
    trialConversions30d: Number(r.conversions_30),
    trialsEnded30d: Number(r.trials_ended_30),
  }));
}

/** People who signed up and organizations created, per day from `from` to `to`; days without any are absent. */
export async function signupsByDay(tx: Tx, from: string, to: string): Promise<Map<string, { signups: number; newOrgs: number }>> {
  const rows = await tx.execute<{ day: string; signups: number; new_orgs: number }>(sql`
    with u as (
      select ${utcDay(sql`created_at`)} as day, count(*)::int as n from users
      where created_at >= (${from}::date)::timestamp at time zone 'UTC' and created_at < ${dayEnd(to)} group by 1
    ),
    o as (
      select ${utcDay(sql`created_at`)} as day, count(*)::int as n from organizations
      where created_at >= (${from}::date)::timestamp at time zone 'UTC' and created_at < ${dayEnd(to)} group by 1
    )
    select to_char(coalesce(u.day, o.day), 'YYYY-MM-DD') as day, coalesce(u.n, 0) as signups, coalesce(o.n, 0) as new_orgs
    from u full join o on o.day = u.day`);
  return new Map(rows.map((r) => [String(r.day), { signups: Number(r.signups), newOrgs: Number(r.new_orgs) }]));
}

/**
 * Distinct people active on the day, and in the 7 and 30 days ending it, from sessions' last seen. A session keeps
 * only its latest activity, so a day is measured best on the day itself (the daily run); a backfill of the past
 * sees only the sessions whose last activity was then.
 */
export async function activeUsersByDay(tx: Tx, from: string, to: string): Promise<Map<string, { dau: number; wau: number; mau: number }>> {
  const rows = await tx.execute<{ day: string; dau: number; wau: number; mau: number }>(sql`
    with seen as (
      select distinct user_id, ${utcDay(sql`last_seen_at`)} as day from sessions
      where last_seen_at >= (${from}::date - 29)::timestamp at time zone 'UTC' and last_seen_at < ${dayEnd(to)}
    ),
    spread as (
      select s.user_id, g.day::date as day, (g.day::date - s.day) as age
      from seen s cross join lateral generate_series(s.day, s.day + 29, interval '1 day') g(day)
    )
    select to_char(day, 'YYYY-MM-DD') as day,
      count(distinct user_id) filter (where age = 0)::int as dau,
      count(distinct user_id) filter (where age < 7)::int as wau,
      count(distinct user_id)::int as mau
    from spread
    where day between ${from}::date and ${to}::date
    group by day`);
  return new Map(rows.map((r) => [String(r.day), { dau: Number(r.dau), wau: Number(r.wau), mau: Number(r.mau) }]));
}

/** API requests of every organization per day (from usage_daily); days without any are absent. */
export async function apiRequestsByDay(tx: Tx, from: string, to: string): Promise<Map<string, number>> {
  const rows = await tx.execute<{ day: string; n: number }>(sql`
    select to_char(day, 'YYYY-MM-DD') as day, sum(count)::float8 as n from usage_daily
    where metric = 'api_requests' and day between ${from}::date and ${to}::date
    group by day`);
  return new Map(rows.map((r) => [String(r.day), Number(r.n)]));
}

/**
 * Writes days, replacing what was there. Active-user counts keep the larger of old and new: they can only be
 * observed (sessions forget earlier activity), so a later re-run must not erase what the day's own run saw.
 */
export async function upsertMetricsDays(tx: Tx, days: NewMetricsDay[]): Promise<void> {
  for (let i = 0; i < days.length; i += 500) {
    const batch = days.slice(i, i + 500);
    const columns = Object.keys(batch[0]!).filter((k) => k !== "day") as (keyof NewMetricsDay)[];
    const set = Object.fromEntries(columns.map((k) => [k, sql.raw(`excluded.${metricsDaily[k as "mrrCents"].name}`)]));
    for (const k of ["dau", "wau", "mau"] as const) set[k] = sql.raw(`greatest(metrics_daily.${k}, excluded.${k})`);
    await tx
      .insert(metricsDaily)
      .values(batch.map((d) => ({ ...d, computedAt: new Date() })))
      .onConflictDoUpdate({ target: metricsDaily.day, set: { ...set, computedAt: sql`now()` } });
  }
}

/** The cohort cells as of the end of `asOf`: every month from each cohort's own to asOf's (see metrics_cohorts). */
export async function cohortCells(tx: Tx, asOf: string): Promise<Omit<MetricsCohortCell, "computedAt">[]> {
  const rows = await tx.execute<{ cohort_month: string; months_since: number; orgs: number; paying: number; mrr: number }>(sql`
    with cohort as (
      select id, date_trunc('month', created_at at time zone 'UTC')::date as month from organizations
      where created_at < ${dayEnd(asOf)}
    ),
    months as (
      select m::date as month from generate_series((select min(month) from cohort), date_trunc('month', ${asOf}::date), interval '1 month') m
    ),
    grid as (
      select c.id, c.month as cohort_month,
        ((extract(year from m.month) - extract(year from c.month)) * 12 + extract(month from m.month) - extract(month from c.month))::int as months_since,
        least((m.month + interval '1 month')::timestamp, (${asOf}::date + 1)::timestamp) at time zone 'UTC' as at
      from cohort c join months m on m.month >= c.month
    ),
    spans as (
      select org_id, at as starts, lead(at) over (partition by org_id order by at, id) as ends, mrr_after_cents as mrr
      from subscription_changes
    )
    select to_char(g.cohort_month, 'YYYY-MM-DD') as cohort_month, g.months_since, count(*)::int as orgs,
      (count(*) filter (where s.mrr > 0))::int as paying, coalesce(sum(s.mrr), 0)::float8 as mrr
    from grid g left join spans s on s.org_id = g.id and s.starts < g.at and (s.ends is null or s.ends >= g.at)
    group by g.cohort_month, g.months_since
    order by 1, 2`);
  return rows.map((r) => ({ cohortMonth: String(r.cohort_month), monthsSince: Number(r.months_since), orgs: Number(r.orgs), paying: Number(r.paying), mrrCents: Number(r.mrr) }));
}

/** Replaces every cohort cell: a run's cells are the whole truth as of its day. */
export async function replaceCohorts(tx: Tx, cells: Omit<MetricsCohortCell, "computedAt">[]): Promise<void> {
  await tx.delete(metricsCohorts);
  for (let i = 0; i < cells.length; i += 1000) await tx.insert(metricsCohorts).values(cells.slice(i, i + 1000));
}

/** The first and last day with figures, or nulls before the first run. */
export async function metricsDayRange(tx: Tx): Promise<{ first: string | null; last: string | null }> {
  const [row] = await tx.select({ first: min(metricsDaily.day), last: max(metricsDaily.day) }).from(metricsDaily);
  return { first: row?.first ?? null, last: row?.last ?? null };
}

/** The stored days from `from` (inclusive), oldest first. */
export function listMetricsDays(tx: Tx, from: string): Promise<MetricsDay[]> {
  return tx.select().from(metricsDaily).where(gte(metricsDaily.day, from)).orderBy(asc(metricsDaily.day));
}

/** Every stored cohort cell, by cohort then month. */
export function listCohortCells(tx: Tx): Promise<MetricsCohortCell[]> {
  return tx.select().from(metricsCohorts).orderBy(asc(metricsCohorts.cohortMonth), asc(metricsCohorts.monthsSince));
}

/** The earliest day anything happened (an organization, a person, a ledger row): where a full backfill starts. */
export async function firstActivityDay(tx: Tx): Promise<string | null> {
  const [row] = await tx.execute<{ day: string | null }>(sql`
    select to_char(least(
      (select min(created_at) from organizations), (select min(created_at) from users), (select min(at) from subscription_changes)
    ) at time zone 'UTC', 'YYYY-MM-DD') as day`);
  return row?.day ?? null;
}
