import { createProjectOperation, listProjectsOperation } from "@/lib/api/v1/operations";
import { presentProject } from "@/lib/api/v1/present";
import { v1Route } from "@/lib/api/v1/v1-route";
import { createProject } from "@/lib/projects/create-project";
import { listProjectsPage } from "@/lib/projects/list-projects-page";

// GET /api/v1/orgs/{orgSlug}/projects - list the organization's projects, newest first, a page at a time
export const GET = v1Route(listProjectsOperation, async ({ tx, query }) => {
  const page = await listProjectsPage(tx, query);
  return { projects: page.projects.map(presentProject), nextCursor: page.nextCursor };
});

// POST /api/v1/orgs/{orgSlug}/projects - create a project (Idempotency-Key honoured)
export const POST = v1Route(createProjectOperation, async ({ tx, org, body }) => {
  const project = await createProject(tx, org, body);
  return Response.json({ project: presentProject(project) }, { status: 201 });
});
