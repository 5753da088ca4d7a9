import { deleteProject } from "@/lib/projects/delete-project";
import { getProject } from "@/lib/projects/get-project";
import { updateProject, updateProjectSchema } from "@/lib/projects/update-project";
import { orgRoute } from "@/lib/route";

const patchBody = updateProjectSchema.omit({ projectId: true });

// GET /api/orgs/{orgSlug}/projects/{projectId} - one project
export const GET = orgRoute({ permission: "projects:read" }, async ({ tx, params }) => ({ project: await getProject(tx, params.projectId!) }));

// PATCH /api/orgs/{orgSlug}/projects/{projectId} - rename or re-describe a project
export const PATCH = orgRoute({ body: patchBody, permission: "projects:write" }, async ({ tx, org, params, body }) => {
  const { id } = await getProject(tx, params.projectId!);
  return { project: await updateProject(tx, org, { projectId: id, ...body }) };
});

// DELETE /api/orgs/{orgSlug}/projects/{projectId} - delete a project
export const DELETE = orgRoute({ permission: "projects:write" }, async ({ tx, org, params }) => {
  const { id } = await getProject(tx, params.projectId!);
  await deleteProject(tx, org, { projectId: id });
  return new Response(null, { status: 204 });
});
