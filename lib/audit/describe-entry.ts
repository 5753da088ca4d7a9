/** What the audit log says for each action, in words a person reads ("Changed a member's role"). */
export const auditActionLabels: Record<string, string> = {
  "account.deletion_requested": "Asked to delete their account",
  "account.export_requested": "Requested an export of their data",
  "account.profile_updated": "Updated their profile",
  "invitation.accepted": "Accepted an invitation",
  "invitation.created": "Invited someone",
  "invitation.declined": "Declined an invitation",
  "invitation.revoked": "Revoked an invitation",
  "member.left": "Left the organization",
  "member.removed": "Removed a member",
  "member.role_changed": "Changed a member's role",
  "org.created": "Created the organization",
  "org.deletion_requested": "Asked to delete the organization",
  "org.ownership_transferred": "Transferred ownership",
  "org.renamed": "Renamed the organization",
  "org.slug_changed": "Changed the organization's address",
  "project.created": "Created a project",
  "project.deleted": "Deleted a project",
  "project.updated": "Changed a project",
  "user.email_verified": "Verified their email",
  "user.password_changed": "Changed their password",
  "user.password_reset": "Reset their password",
  "user.session_revoked": "Signed out a session",
  "user.sessions_revoked": "Signed out other sessions",
  "user.signed_in": "Signed in",
  "user.signed_out": "Signed out",
  "user.signed_up": "Signed up",
  "webhook_delivery.replayed": "Replayed a webhook delivery",
  "webhook_endpoint.auto_disabled": "Disabled a failing webhook endpoint",
  "webhook_endpoint.created": "Added a webhook endpoint",
  "webhook_endpoint.deleted": "Deleted a webhook endpoint",
  "webhook_endpoint.disabled": "Disabled a webhook endpoint",
  "webhook_endpoint.enabled": "Enabled a webhook endpoint",
  "webhook_endpoint.secret_rotated": "Rotated a webhook secret",
  "webhook_endpoint.test_sent": "Sent a webhook test event",
  "webhook_endpoint.updated": "Changed a webhook endpoint",
};

/** The readable label of an action; an unknown one (a newer version's) shows as itself rather than vanishing. */
export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}

/** One change an entry records: a field and its value before and after. */
export type AuditChange = { field: string; from: string; to: string };

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null);

/**
 * The old → new values an entry's metadata records: `{ from, to }` (a role, a name, an address) or
 * `{ changes: { field: { from, to } } }` (several fields of a project).
 */
export function auditChanges(action: string, metadata: Record<string, unknown>): AuditChange[] {
  const field = action.endsWith("role_changed") ? "role" : action.endsWith("slug_changed") ? "address" : action.endsWith("renamed") ? "name" : "value";
  const from = str(metadata.from);
  const to = str(metadata.to);
  const out: AuditChange[] = from !== null && to !== null ? [{ field, from, to }] : [];
  const changes = metadata.changes;
  if (changes && typeof changes === "object") {
    for (const [name, change] of Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>)) {
      out.push({ field: name, from: str(change?.from) ?? "", to: str(change?.to) ?? "" });
    }
  }
  return out;
}

/**
 * The name an entry's target goes by: the person it is about, or what the entry recorded (a project's or
 * endpoint's name, an invited email), else its kind; never a bare id.
 */
export function auditTargetName(entry: {
  targetType: string | null;
  metadata: Record<string, unknown>;
  targetUser?: { name: string | null; email: string | null } | null;
}): string {
  const m = entry.metadata;
  const named = entry.targetUser?.name ?? entry.targetUser?.email ?? str(m.name) ?? str(m.email) ?? str(m.url) ?? null;
  if (named) return named;
  return { org: "The organization", user: "A person", project: "A project", invitation: "An invitation", webhook_endpoint: "A webhook endpoint" }[entry.targetType ?? ""] ?? "—";
}
