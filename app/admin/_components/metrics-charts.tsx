"use client";

// The metrics page's charts. Only /admin imports this file, so recharts is in the admin route's bundle alone.
// Colours are CSS variables (set on the page's chart grid, light and dark), so the charts follow the theme.
import type { ReactNode } from "react";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyPoint, MovementPoint, SignupPoint } from "@/lib/admin/metrics/dashboard";
import { formatAxisCents, formatDay, formatFigure, formatMonth } from "@/lib/admin/metrics/format";

const axis = { stroke: "var(--color-muted-foreground)", fontSize: 12, tickLine: false, axisLine: false } as const;
const tooltip = {
  contentStyle: { background: "var(--color-popover)", border: "1px solid var(--color-border)", borderRadius: 8, color: "var(--color-popover-foreground)", fontSize: 12 },
  labelStyle: { color: "var(--color-popover-foreground)", fontWeight: 600 },
  cursor: { fill: "var(--color-muted)", stroke: "var(--color-border)" },
} as const;
const legend = { wrapperStyle: { fontSize: 12, color: "var(--color-muted-foreground)" } } as const;
const cents = (v: unknown) => formatFigure(Number(v), "cents");
const count = (v: unknown) => formatFigure(Number(v), "count");

/** A chart with its title and a one-sentence summary for people who cannot see it. */
function ChartFrame({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  return (
    <figure className="grid gap-3 rounded-xl border bg-card p-4 text-card-foreground shadow-xs sm:p-5" data-testid="metrics-chart">
      <figcaption className="grid gap-1">
        <span className="font-semibold tracking-tight">{title}</span>
        <span className="text-sm text-muted-foreground">{summary}</span>
      </figcaption>
      <div className="h-64" role="img" aria-label={`${title}: ${summary}`}>
        <ResponsiveContainer width="100%" height="100%">
          {children as React.ReactElement}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Monthly recurring revenue at the end of each day. */
export function MrrChart({ points, summary }: { points: DailyPoint[]; summary: string }) {
  return (
    <ChartFrame title="MRR" summary={summary}>
      <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <defs>
          <linearGradient id="mrr-fill" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor="var(--chart-mrr)" stopOpacity={0.35} />
            <stop offset="100%" stopColor="var(--chart-mrr)" stopOpacity={0.02} />
          </linearGradient>
        </defs>
        <CartesianGrid vertical={false} stroke="var(--color-border)" />
        <XAxis dataKey="day" tickFormatter={formatDay} minTickGap={32} {...axis} />
        <YAxis tickFormatter={formatAxisCents} width={56} {...axis} />
        <Tooltip {...tooltip} labelFormatter={(d) => formatDay(String(d))} formatter={(v) => [cents(v), "MRR"]} />
        <Area type="monotone" dataKey="mrr" name="MRR" stroke="var(--chart-mrr)" strokeWidth={2} fill="url(#mrr-fill)" isAnimationActive={false} />
      </AreaChart>
    </ChartFrame>
  );
}

const movementSeries = [
  { key: "new", name: "New", color: "var(--chart-new)" },
  { key: "expansion", name: "Expansion", color: "var(--chart-expansion)" },
  { key: "reactivation", name: "Reactivation", color: "var(--chart-reactivation)" },
  { key: "contraction", name: "Contraction", color: "var(--chart-contraction)" },
  { key: "churned", name: "Churned", color: "var(--chart-churned)" },
] as const;

/** MRR gained (above the line) and lost (below it) each month, by kind of movement. */
export function MovementsChart({ points, summary }: { points: MovementPoint[]; summary: string }) {
  return (
    <ChartFrame title="MRR movements by month" summary={summary}>
      <BarChart data={points} stackOffset="sign" margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--color-border)" />
        <XAxis dataKey="month" tickFormatter={formatMonth} minTickGap={16} {...axis} />
        <YAxis tickFormatter={formatAxisCents} width={56} {...axis} />
        <Tooltip {...tooltip} labelFormatter={(d) => formatMonth(String(d))} formatter={(v, name) => [cents(v), name]} />
        <Legend {...legend} />
        <ReferenceLine y={0} stroke="var(--color-muted-foreground)" />
        {movementSeries.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} stackId="mrr" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}

/** People signing up and organizations created, per day, week or month. */
export function SignupsChart({ points, bucket, summary }: { points: SignupPoint[]; bucket: "day" | "week" | "month"; summary: string }) {
  const label = bucket === "month" ? formatMonth : formatDay;
  return (
    <ChartFrame title={`Signups per ${bucket}`} summary={summary}>
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--color-border)" />
        <XAxis dataKey="period" tickFormatter={label} minTickGap={24} {...axis} />
        <YAxis allowDecimals={false} width={40} {...axis} />
        <Tooltip {...tooltip} labelFormatter={(d) => (bucket === "week" ? `Week of ${formatDay(String(d))}` : label(String(d)))} formatter={(v, name) => [count(v), name]} />
        <Legend {...legend} />
        <Bar dataKey="signups" name="People" fill="var(--chart-signups)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Bar dataKey="newOrgs" name="Organizations" fill="var(--chart-orgs)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

/** Distinct people active in the day, week and 30 days ending each day. */
export function ActiveUsersChart({ points, summary }: { points: DailyPoint[]; summary: string }) {
  return (
    <ChartFrame title="Active users" summary={summary}>
      <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--color-border)" />
        <XAxis dataKey="day" tickFormatter={formatDay} minTickGap={32} {...axis} />
        <YAxis allowDecimals={false} width={40} {...axis} />
        <Tooltip {...tooltip} labelFormatter={(d) => formatDay(String(d))} formatter={(v, name) => [count(v), name]} />
        <Legend {...legend} />
        <Line type="monotone" dataKey="mau" name="Monthly (MAU)" stroke="var(--chart-mau)" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="wau" name="Weekly (WAU)" stroke="var(--chart-wau)" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="dau" name="Daily (DAU)" stroke="var(--chart-dau)" strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
}
