"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { createProject, createProjectSchema } from "@/lib/projects/create-project";
import { deleteProject, deleteProjectSchema } from "@/lib/projects/delete-project";
import { updateProject, updateProjectSchema } from "@/lib/projects/update-project";

// Each action: the wrapper parses the form, checks the session, membership and permission, and opens the
// tenant transaction; the lib function does the work; the list page is re-rendered with the result.

export const createProjectAction = action({ schema: createProjectSchema, permission: "projects:write", successMessage: "Project created." }, async ({ tx, org, input }) => {
  const project = await createProject(tx, org, input);
  revalidatePath(`/${org.slug}/projects`);
  return { id: project.id };
});

export const updateProjectAction = action({ schema: updateProjectSchema, permission: "projects:write", successMessage: "Project saved." }, async ({ tx, org, input }) => {
  const project = await updateProject(tx, org, input);
  revalidatePath(`/${org.slug}/projects`);
  revalidatePath(`/${org.slug}/projects/${project.id}`);
  return { id: project.id };
});

export const deleteProjectAction = action({ schema: deleteProjectSchema, permission: "projects:write", successMessage: "Project deleted." }, async ({ tx, org, input }) => {
  const deleted = await deleteProject(tx, org, input);
  revalidatePath(`/${org.slug}/projects`);
  return deleted;
});
