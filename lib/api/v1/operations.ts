import { z } from "zod";
import type { Permission } from "@/lib/orgs/permissions";
import {
  auditPageSchema,
  createProjectBodySchema,
  listAuditQuerySchema,
  listProjectsQuerySchema,
  memberListSchema,
  orgParamsSchema,
  projectEnvelopeSchema,
  projectIdParamsSchema,
  projectPageSchema,
  updateProjectBodySchema,
} from "./schemas";

/**
 * One operation of the public API: what the route parses (`query`, `body`), what it answers, and the permission
 * (a member's role or a key's scope) it needs. Route files are built from these (`v1Route`) and the OpenAPI
 * document is generated from them, so the two cannot disagree.
 */
export type Operation = {
  operationId: string;
  method: "get" | "post" | "patch" | "delete";
  /** OpenAPI form: `/api/v1/orgs/{orgSlug}/projects`. */
  path: string;
  summary: string;
  description?: string;
  tag: "Projects" | "Members" | "Audit log";
  permission: Permission;
  params: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  success: { status: 200 | 201 | 204; description: string; schema?: z.ZodType };
  /** Error statuses beyond those every operation can answer (401, 403, 404, 422, 429). */
  errors?: number[];
};

const projects = "/api/v1/orgs/{orgSlug}/projects";
const project = "/api/v1/orgs/{orgSlug}/projects/{projectId}";

export const listProjectsOperation = {
  operationId: "listProjects",
  method: "get",
  path: projects,
  summary: "List projects",
  description: "Newest first, `limit` at a time; follow `nextCursor` for the next page.",
  tag: "Projects",
  permission: "projects:read",
  params: orgParamsSchema,
  query: listProjectsQuerySchema,
  success: { status: 200, description: "A page of projects.", schema: projectPageSchema },
} as const satisfies Operation;

export const createProjectOperation = {
  operationId: "createProject",
  method: "post",
  path: projects,
  summary: "Create a project",
  description: "Send an `Idempotency-Key` header to retry safely: for 24 hours a retry with the same key gets the first response back.",
  tag: "Projects",
  permission: "projects:write",
  params: orgParamsSchema,
  body: createProjectBodySchema,
  success: { status: 201, description: "The new project.", schema: projectEnvelopeSchema },
  errors: [409],
} as const satisfies Operation;

export const getProjectOperation = {
  operationId: "getProject",
  method: "get",
  path: project,
  summary: "Get a project",
  tag: "Projects",
  permission: "projects:read",
  params: projectIdParamsSchema,
  success: { status: 200, description: "The project.", schema: projectEnvelopeSchema },
} as const satisfies Operation;

export const updateProjectOperation = {
  operationId: "updateProject",
  method: "patch",
  path: project,
  summary: "Update a project",
  tag: "Projects",
  permission: "projects:write",
  params: projectIdParamsSchema,
  body: updateProjectBodySchema,
  success: { status: 200, description: "The updated project.", schema: projectEnvelopeSchema },
} as const satisfies Operation;

export const deleteProjectOperation = {
  operationId: "deleteProject",
  method: "delete",
  path: project,
  summary: "Delete a project",
  tag: "Projects",
  permission: "projects:write",
  params: projectIdParamsSchema,
  success: { status: 204, description: "Deleted." },
} as const satisfies Operation;

export const listMembersOperation = {
  operationId: "listMembers",
  method: "get",
  path: "/api/v1/orgs/{orgSlug}/members",
  summary: "List members",
  description: "Every member with their role, owners first.",
  tag: "Members",
  permission: "members:read",
  params: orgParamsSchema,
  success: { status: 200, description: "The members.", schema: memberListSchema },
} as const satisfies Operation;

export const listAuditLogsOperation = {
  operationId: "listAuditLogs",
  method: "get",
  path: "/api/v1/orgs/{orgSlug}/audit-logs",
  summary: "List audit log entries",
  description: "Newest first, filtered by action, actor and UTC days; nothing older than the plan keeps.",
  tag: "Audit log",
  permission: "audit:read",
  params: orgParamsSchema,
  query: listAuditQuerySchema,
  success: { status: 200, description: "A page of entries.", schema: auditPageSchema },
} as const satisfies Operation;

/** Every operation of the public API, in the order the docs list them. */
export const operations: readonly Operation[] = [
  listProjectsOperation,
  createProjectOperation,
  getProjectOperation,
  updateProjectOperation,
  deleteProjectOperation,
  listMembersOperation,
  listAuditLogsOperation,
];
