import { z } from "zod";
import { errorStatus } from "@/lib/errors";
import { auditDaySchema as day } from "@/lib/audit/audit-filter";
import { createProjectSchema } from "@/lib/projects/create-project";
import { projectDescriptionSchema, projectNameSchema } from "@/lib/projects/schemas";
import { cursorSchema, limitSchema } from "../cursor";

// The public API's shapes: what handlers parse and answer, and what /api/v1/openapi.json documents. One source: the
// document is generated from these, and the route tests parse real responses with them.

const timestamp = z.iso.datetime().meta({ description: "ISO 8601, UTC.", example: "2026-12-07T18:00:00.000Z" });

export const projectSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Project", description: "A project of the organization." });

export const projectEnvelopeSchema = z.object({ project: projectSchema }).meta({ id: "ProjectResponse" });

export const projectPageSchema = z
  .object({ projects: z.array(projectSchema), nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }) })
  .meta({ id: "ProjectPage" });

export const listProjectsQuerySchema = z.object({ limit: limitSchema, cursor: cursorSchema });

export const createProjectBodySchema = createProjectSchema.meta({ id: "CreateProject" });

export const updateProjectBodySchema = z
  .object({ name: projectNameSchema.optional(), description: projectDescriptionSchema.optional() })
  .meta({ id: "UpdateProject", description: "The fields to change; omitted ones stay as they are." });

export const memberSchema = z
  .object({
    userId: z.uuid(),
    role: z.enum(["owner", "admin", "member"]),
    name: z.string().nullable(),
    email: z.email(),
    joinedAt: timestamp,
  })
  .meta({ id: "Member" });

export const memberListSchema = z.object({ members: z.array(memberSchema) }).meta({ id: "MemberList" });

export const auditEntrySchema = z
  .object({
    id: z.uuid(),
    action: z.string().meta({ example: "project.created" }),
    actor: z.object({ id: z.uuid(), name: z.string().nullable(), email: z.email() }).nullable().meta({ description: "Null when the person's account is gone." }),
    target: z.object({ type: z.string(), id: z.string() }).nullable(),
    metadata: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "AuditEntry" });

export const auditPageSchema = z
  .object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: "AuditPage", description: "Entries newest first; nothing older than the plan keeps." });

export const listAuditQuerySchema = z.object({
  action: z.string().min(1).max(100).optional().meta({ description: "Only this action, e.g. `project.created`." }),
  actor: z.uuid().optional().meta({ description: "Only entries by this person (user id)." }),
  from: day.optional().meta({ description: "First UTC day (YYYY-MM-DD), inclusive." }),
  to: day.optional().meta({ description: "Last UTC day (YYYY-MM-DD), inclusive." }),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]]).meta({ description: "Stable: branch on it, not on the message." }),
      message: z.string().meta({ description: "For people; may change." }),
      fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Per-field messages of a validation_error." }),
      link: z
        .object({ href: z.string(), label: z.string() })
        .optional()
        .meta({ description: "Where to act on the error, such as upgrading the plan (quota_exceeded, plan limits)." }),
    }),
  })
  .meta({ id: "Error", description: "Every error, with a stable `code`." });

export const projectIdParamsSchema = z.object({ orgSlug: z.string(), projectId: z.uuid() });
export const orgParamsSchema = z.object({ orgSlug: z.string().meta({ description: "The organization's slug, as in its URL.", example: "acme" }) });
