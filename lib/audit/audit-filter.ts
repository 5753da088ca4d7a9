import { z } from "zod";
import type { AuditFilter } from "@/db/queries/audit";
import { auditActionLabels } from "./describe-entry";

/** Entries per audit log page. */
export const AUDIT_PAGE_SIZE = 25;

/** A UTC day, YYYY-MM-DD. */
export const auditDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The audit log page's search params; a malformed value is dropped rather than failing the page. */
export const auditSearchSchema = z.object({
  action: optional(z.string().min(1).max(100)),
  actor: optional(z.uuid()),
  from: optional(auditDaySchema),
  to: optional(auditDaySchema),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type AuditSearch = z.infer<typeof auditSearchSchema>;

/** Parses search params (first value of each) into the page's filters. */
export function parseAuditSearch(params: Record<string, string | string[] | undefined>): AuditSearch {
  const first = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return auditSearchSchema.parse(first);
}

/**
 * The query filter of a search: dates are whole UTC days, `to` inclusive. Nothing older than the plan's retention
 * (`retentionDays`) is shown, whatever `from` says; the cleanup job deletes it.
 */
export function toAuditFilter(search: AuditSearch, retentionDays: number, now = Date.now()): AuditFilter {
  const retained = new Date(now - retentionDays * 86_400_000);
  const from = search.from ? new Date(`${search.from}T00:00:00Z`) : undefined;
  return {
    action: search.action,
    actorId: search.actor,
    from: from && from > retained ? from : retained,
    to: search.to ? new Date(Date.parse(`${search.to}T00:00:00Z`) + 86_400_000) : undefined,
  };
}

/** The query string of a search with some fields changed (empty ones left out), for links and pagination. */
export function auditSearchHref(base: string, search: AuditSearch, change: Partial<AuditSearch>): string {
  const next = { ...search, ...change };
  const params = new URLSearchParams();
  for (const key of ["action", "actor", "from", "to"] as const) if (next[key]) params.set(key, next[key]);
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/**
 * What is wrong with a search, one sentence each, for the page to say instead of silently showing "No entries":
 * a start after the end, an action Keel never records, a malformed date or person.
 */
export function auditSearchProblems(params: Record<string, string | string[] | undefined>): string[] {
  const raw = (key: string) => {
    const v = params[key];
    return (Array.isArray(v) ? v[0] : v) || undefined;
  };
  const search = parseAuditSearch(params);
  const problems: string[] = [];
  if (raw("from") && !search.from) problems.push("“From” is not a date.");
  if (raw("to") && !search.to) problems.push("“To” is not a date.");
  if (search.from && search.to && search.from > search.to) problems.push("“From” is after “To”: pick a start on or before the end.");
  const action = raw("action");
  if (action && !Object.hasOwn(auditActionLabels, action)) problems.push("That action is not one the audit log records.");
  if (raw("actor") && !search.actor) problems.push("That person is not a valid filter.");
  return problems;
}
