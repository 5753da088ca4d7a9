import { deleteProjectOperation, getProjectOperation, updateProjectOperation } from "@/lib/api/v1/operations";
import { presentProject } from "@/lib/api/v1/present";
import { v1Route } from "@/lib/api/v1/v1-route";
import { deleteProject } from "@/lib/projects/delete-project";
import { getProject } from "@/lib/projects/get-project";
import { updateProject } from "@/lib/projects/update-project";

// GET /api/v1/orgs/{orgSlug}/projects/{projectId} - one project
export const GET = v1Route(getProjectOperation, async ({ tx, params }) => ({ project: presentProject(await getProject(tx, params.projectId!)) }));

// PATCH /api/v1/orgs/{orgSlug}/projects/{projectId} - rename or re-describe a project
export const PATCH = v1Route(updateProjectOperation, async ({ tx, org, params, body }) => {
  const { id } = await getProject(tx, params.projectId!);
  return { project: presentProject(await updateProject(tx, org, { projectId: id, ...body })) };
});

// DELETE /api/v1/orgs/{orgSlug}/projects/{projectId} - delete a project
export const DELETE = v1Route(deleteProjectOperation, async ({ tx, org, params }) => {
  const { id } = await getProject(tx, params.projectId!);
  await deleteProject(tx, org, { projectId: id });
  return new Response(null, { status: 204 });
});
