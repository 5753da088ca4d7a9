import type { Metadata } from "next";
import { ProjectList } from "@/components/projects/project-list";
import { listProjects } from "@/db/queries/projects";
import { withTenant } from "@/db/tenant";
import { requireSession } from "@/lib/auth/session";
import { requireOrgContext } from "@/lib/orgs/membership";
import { can } from "@/lib/orgs/permissions";
import { planById } from "@/lib/plans";
import { createProjectAction, deleteProjectAction, updateProjectAction } from "./actions";

export const metadata: Metadata = { title: "Projects" };

/** The organization's projects: the example feature every pattern of Keel shows up in. */
export default async function ProjectsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const session = await requireSession();
  const org = await requireOrgContext(session.user.id, orgSlug);
  if (!can(org.role, "projects:read")) {
    return <p className="text-sm text-muted-foreground">You don&apos;t have access to projects in {org.name}. Ask an owner for access.</p>;
  }
  const projects = await withTenant({ orgId: org.orgId, userId: session.user.id }, (tx) => listProjects(tx));
  const plan = planById(org.plan);

  return (
    <ProjectList
      orgSlug={org.slug}
      projects={projects}
      limit={plan.limits.projects}
      planName={plan.name}
      actions={{ create: createProjectAction, update: updateProjectAction, remove: deleteProjectAction }}
    />
  );
}
