"use client";

import { History } from "lucide-react";
import { useRouter } from "next/navigation";
import type { AuditChange } from "@/lib/audit/describe-entry";
import { DeleteProjectDialog, EditProjectDialog } from "./project-list";
import type { FormAction, ProjectView } from "./types";

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** One line of a project's activity, as the audit log recorded it. */
export type ActivityItem = { id: string; label: string; actor: string; at: Date; changes: AuditChange[] };

type Props = {
  orgSlug: string;
  project: Omit<ProjectView, "pending">;
  activity: ActivityItem[];
  actions: { update: FormAction<{ id: string }>; remove: FormAction<{ id: string }> };
};

/** A project's page: name and description, rename and delete, and who changed what. */
export function ProjectDetail({ orgSlug, project, activity, actions }: Props) {
  const router = useRouter();
  return (
    <>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-words">{project.name}</h1>
          <p className="mt-1 text-sm text-pretty text-muted-foreground">{project.description || "No description."}</p>
        </div>
        <div className="flex gap-2 sm:shrink-0">
          <EditProjectDialog project={project} orgSlug={orgSlug} update={actions.update} />
          <DeleteProjectDialog project={project} orgSlug={orgSlug} remove={actions.remove} onDeleted={() => router.push(`/${orgSlug}/projects`)} />
        </div>
      </div>

      <dl className="grid gap-4 rounded-xl border bg-card p-5 text-sm shadow-xs sm:grid-cols-2">
        <div>
          <dt className="text-muted-foreground">Created</dt>
          <dd className="mt-1 font-medium">
            <time dateTime={new Date(project.createdAt).toISOString()}>{when.format(project.createdAt)} UTC</time>
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Last changed</dt>
          <dd className="mt-1 font-medium">
            <time dateTime={new Date(project.updatedAt).toISOString()}>{when.format(project.updatedAt)} UTC</time>
          </dd>
        </div>
      </dl>

      <section aria-labelledby="activity-heading" className="grid gap-3">
        <h2 id="activity-heading" className="flex items-center gap-2 text-lg font-semibold">
          <History className="size-4 text-muted-foreground" aria-hidden /> Activity
        </h2>
        {activity.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing recorded yet.</p>
        ) : (
          <ol className="divide-y rounded-xl border bg-card shadow-xs">
            {activity.map((item) => (
              <li key={item.id} className="grid gap-1 px-5 py-3 text-sm">
                <p>
                  <span className="font-medium">{item.actor}</span> <span className="text-muted-foreground">·</span> {item.label}
                </p>
                {item.changes.map((c) => (
                  <p key={c.field} className="text-muted-foreground">
                    <span className="capitalize">{c.field}</span>: <del className="decoration-muted-foreground/60">{c.from || "(empty)"}</del> →{" "}
                    <ins className="text-foreground no-underline">{c.to || "(empty)"}</ins>
                  </p>
                ))}
                <p className="text-xs text-muted-foreground">
                  <time dateTime={new Date(item.at).toISOString()}>{when.format(item.at)} UTC</time>
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
