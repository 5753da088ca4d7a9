import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/no-access";
import { ProjectDetail } from "@/components/projects/project-detail";
import { auditActionLabel, auditChanges } from "@/lib/audit/describe-entry";
import { orgPage, type OrgPageContext } from "@/lib/org-page";
import { loadProjectPage } from "@/lib/projects/project-page";
import { deleteProjectAction, updateProjectAction } from "../actions";

export const metadata: Metadata = { title: "Project" };

/** One project: its details, rename and delete, and its activity from the audit log. */
export default orgPage(
  {
    permission: "projects:read",
    noAccess: (org) => <NoAccess title="You don't have access to projects">Ask an owner of {org.name} for access.</NoAccess>,
    load: (tx, { params }: OrgPageContext<{ orgSlug: string; projectId: string }>) => loadProjectPage(tx, params.projectId),
  },
  ({ org, data }) => {
    if (!data) notFound();
    const { project, activity } = data;
    return (
      <div className="grid gap-6">
        <Link href={`/${org.slug}/projects`} className="inline-flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring">
          <ChevronLeft className="size-4" aria-hidden /> All projects
        </Link>
        <ProjectDetail
          orgSlug={org.slug}
          project={{ id: project.id, name: project.name, description: project.description, createdAt: project.createdAt, updatedAt: project.updatedAt }}
          activity={activity.map((e) => ({
            id: e.id,
            label: auditActionLabel(e.action),
            actor: e.actor?.name ?? e.actor?.email ?? "System or deleted user",
            at: e.createdAt,
            changes: auditChanges(e.action, e.metadata),
          }))}
          actions={{ update: updateProjectAction, remove: deleteProjectAction }}
        />
      </div>
    );
  },
);
