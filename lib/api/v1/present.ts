import type { z } from "zod";
import type { Project } from "@/db/schema";
import type { auditEntrySchema, memberSchema, projectSchema } from "./schemas";

// Rows as the public API shows them: a fixed set of fields, so a new column never leaks into responses.

/** A project in API form. */
export const presentProject = (p: Project): z.input<typeof projectSchema> => ({
  id: p.id,
  name: p.name,
  description: p.description,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/** A member in API form. */
export const presentMember = (m: { userId: string; role: "owner" | "admin" | "member"; joinedAt: Date; user: { name: string | null; email: string } }): z.input<typeof memberSchema> => ({
  userId: m.userId,
  role: m.role,
  name: m.user.name,
  email: m.user.email,
  joinedAt: m.joinedAt.toISOString(),
});

type AuditRow = {
  id: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  metadata: Record<string, unknown>;
  requestId: string | null;
  createdAt: Date;
  actor: { id: string; name: string | null; email: string } | null;
};

/** An audit entry in API form. */
export const presentAuditEntry = (e: AuditRow): z.input<typeof auditEntrySchema> => ({
  id: e.id,
  action: e.action,
  actor: e.actor?.id ? e.actor : null,
  target: e.targetType && e.targetId ? { type: e.targetType, id: e.targetId } : null,
  metadata: e.metadata,
  requestId: e.requestId,
  createdAt: e.createdAt.toISOString(),
});
