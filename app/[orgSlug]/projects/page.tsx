import type { Metadata } from "next";
import { NoAccess } from "@/components/no-access";
import { ProjectList } from "@/components/projects/project-list";
import { orgPage } from "@/lib/org-page";
import { planById } from "@/lib/plans";
import { listProjects } from "@/lib/projects/list-projects";
import { createProjectAction, deleteProjectAction, updateProjectAction } from "./actions";

export const metadata: Metadata = { title: "Projects" };

/** The organization's projects: the example feature every pattern of Keel shows up in. */
export default orgPage(
  {
    permission: "projects:read",
    noAccess: (org) => <NoAccess title="You don't have access to projects">Ask an owner of {org.name} for access.</NoAccess>,
    load: (tx) => listProjects(tx),
  },
  ({ org, data: projects }) => {
    const plan = planById(org.plan);
    return (
      <ProjectList
        orgSlug={org.slug}
        projects={projects}
        limit={plan.limits.projects}
        planName={plan.name}
        upgradeHref="/pricing"
        actions={{ create: createProjectAction, update: updateProjectAction, remove: deleteProjectAction }}
      />
    );
  },
);
