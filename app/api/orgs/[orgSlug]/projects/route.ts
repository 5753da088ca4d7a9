import { listProjects } from "@/lib/projects/list-projects";
import { createProject, createProjectSchema } from "@/lib/projects/create-project";
import { orgRoute } from "@/lib/route";

// GET /api/orgs/{orgSlug}/projects - list the organization's projects, newest first
export const GET = orgRoute({ permission: "projects:read" }, async ({ tx }) => ({ projects: await listProjects(tx) }));

// POST /api/orgs/{orgSlug}/projects - create a project
export const POST = orgRoute({ body: createProjectSchema, permission: "projects:write" }, async ({ tx, org, body }) => {
  const project = await createProject(tx, org, body);
  return Response.json({ project }, { status: 201 });
});
