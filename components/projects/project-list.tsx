"use client";

import { FolderKanban, Pencil, Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useOptimistic, useRef, useState } from "react";
import { useFlag } from "@/components/flags/use-flag";
import { ActionForm, FormMessage, SubmitButton } from "@/components/forms";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { ActionState } from "@/lib/action";
import { ProjectFields } from "./project-fields";
import { matchesFilter, ProjectQuickFilter } from "./project-quick-filter";
import type { FormAction, ProjectActions, ProjectView } from "./types";

type Change = { type: "add"; project: ProjectView } | { type: "remove"; id: string };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

type Props = {
  orgSlug: string;
  projects: ProjectView[];
  limit: number | null;
  planName: string;
  /** Where "upgrade" leads at the project limit (the pricing page until billing has a page of its own). */
  upgradeHref: string;
  actions: ProjectActions;
};

/** The DOM id of a project's title link in the list, where focus goes after creating it. */
const projectLinkId = (id: string) => `project-link-${id}`;

/**
 * The projects of an organization with create, edit and delete. Creating and deleting are optimistic: the list
 * changes at once and, should the server refuse, goes back to what the server has (with the reason shown).
 */
export function ProjectList({ orgSlug, projects, limit, planName, upgradeHref, actions }: Props) {
  const [items, change] = useOptimistic(projects, (state: ProjectView[], c: Change) =>
    c.type === "add" ? [c.project, ...state] : state.filter((p) => p.id !== c.id),
  );
  const [createOpen, setCreateOpen] = useState(false);
  const [removeError, setRemoveError] = useState<ActionState<unknown>>(null);
  // The project just created: focus moves to it once the server's list has it (else to the heading).
  const focusId = useRef<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const limitId = useId();
  // Beta, behind a flag an admin turns on per organization (/admin/flags).
  const quickFilter = useFlag("projects.quick_filter");
  const [filter, setFilter] = useState("");
  const shown = quickFilter && filter.trim() ? items.filter((p) => matchesFilter(p, filter)) : items;

  useEffect(() => {
    if (!focusId.current || createOpen) return;
    const link = document.getElementById(projectLinkId(focusId.current));
    if (!link && !projects.some((p) => p.id === focusId.current)) return; // not in the list yet: wait for the server's
    (link ?? heading.current)?.focus();
    focusId.current = null;
  }, [createOpen, projects]);

  const create: FormAction<{ id: string }> = async (prev, form) => {
    const now = new Date();
    change({ type: "add", project: { id: `pending-${now.getTime()}`, name: String(form.get("name") ?? "").trim(), description: String(form.get("description") ?? "").trim(), createdAt: now, updatedAt: now, pending: true } });
    return actions.create(prev, form);
  };

  const remove: FormAction<{ id: string }> = async (prev, form) => {
    setRemoveError(null);
    change({ type: "remove", id: String(form.get("projectId")) });
    const result = await actions.remove(prev, form);
    if (!result?.ok) setRemoveError(result);
    return result;
  };

  const atLimit = limit !== null && projects.length >= limit;

  const newProjectButton = (label: string) =>
    atLimit ? (
      <Button disabled aria-describedby={limitId} className="w-full sm:w-auto">
        <Plus aria-hidden /> {label}
      </Button>
    ) : (
      <Button onClick={() => setCreateOpen(true)} className="w-full sm:w-auto">
        <Plus aria-hidden /> {label}
      </Button>
    );

  return (
    <div className="grid gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold tracking-tight outline-none">
            Projects
          </h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {limit === null ? `${projects.length} ${projects.length === 1 ? "project" : "projects"} · unlimited on ${planName}` : `${projects.length} of ${limit} projects on the ${planName} plan`}
          </p>
        </div>
        {items.length > 0 ? newProjectButton("New project") : null}
      </div>

      {atLimit ? (
        <p id={limitId} className="rounded-lg border border-dashed px-4 py-3 text-sm text-muted-foreground">
          You&apos;ve used all {limit} projects of the {planName} plan. Delete a project, or{" "}
          <Link href={upgradeHref} className="font-medium text-foreground underline underline-offset-4">
            upgrade for unlimited projects
          </Link>
          .
        </p>
      ) : null}

      <FormMessage state={removeError} className="empty:hidden" />

      {quickFilter && items.length > 0 ? <ProjectQuickFilter value={filter} onChange={setFilter} shown={shown.length} total={items.length} /> : null}

      {items.length === 0 ? (
        <EmptyState action={newProjectButton("Create your first project")} />
      ) : shown.length === 0 ? (
        <p className="rounded-xl border border-dashed px-6 py-10 text-center text-sm text-muted-foreground">
          No project matches &ldquo;{filter.trim()}&rdquo;.{" "}
          <button type="button" onClick={() => setFilter("")} className="rounded-sm font-medium text-foreground underline underline-offset-4 outline-none focus-visible:ring-2 focus-visible:ring-ring">
            Clear the filter
          </button>
        </p>
      ) : (
        <ul className="divide-y rounded-xl border bg-card shadow-xs" aria-label="Projects">
          {shown.map((project) => (
            <ProjectRow key={project.id} project={project} orgSlug={orgSlug} update={actions.update} remove={remove} />
          ))}
        </ul>
      )}

      <Dialog open={createOpen} onOpenChange={setCreateOpen}>
        <DialogContent
          onCloseAutoFocus={(event) => {
            // After a success focus goes to the new project (see the effect above), not back to a button.
            if (focusId.current) event.preventDefault();
          }}
        >
          <DialogHeader>
            <DialogTitle>New project</DialogTitle>
            <DialogDescription>Projects belong to this organization: every member can see and change them.</DialogDescription>
          </DialogHeader>
          <ActionForm
            action={create}
            onSuccess={(s) => {
              focusId.current = s.data.id;
              setCreateOpen(false);
            }}
            className="grid gap-4"
          >
            {(state) => (
              <>
                <input type="hidden" name="orgSlug" value={orgSlug} />
                {state && !state.ok && !state.error.fields ? <FormMessage state={state} /> : null}
                <ProjectFields errors={state && !state.ok ? state.error.fields : undefined} />
                <DialogFooter>
                  <DialogCancel />
                  <SubmitButton pendingLabel="Creating…">Create project</SubmitButton>
                </DialogFooter>
              </>
            )}
          </ActionForm>
        </DialogContent>
      </Dialog>
    </div>
  );
}

function EmptyState({ action }: { action: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center rounded-xl border border-dashed px-6 py-16 text-center">
      <div className="flex size-12 items-center justify-center rounded-full bg-primary/10 text-primary">
        <FolderKanban className="size-6" aria-hidden />
      </div>
      <h2 className="mt-4 text-lg font-semibold">No projects yet</h2>
      <p className="mt-2 max-w-md text-sm text-pretty text-muted-foreground">
        Projects are where your organization&apos;s work lives. Everyone in the organization can see them, nobody outside it can, and
        every change is recorded in the audit log.
      </p>
      <div className="mt-6">{action}</div>
    </div>
  );
}

type RowProps = { project: ProjectView; orgSlug: string; update: FormAction<{ id: string }>; remove: FormAction<{ id: string }> };

function ProjectRow({ project, orgSlug, update, remove }: RowProps) {
  return (
    <li className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:gap-4 sm:px-5" aria-busy={project.pending || undefined}>
      <div className={project.pending ? "min-w-0 flex-1 opacity-60" : "min-w-0 flex-1"}>
        <div className="flex items-center gap-2">
          <h2 className="truncate text-base font-medium">
            {project.pending ? (
              project.name
            ) : (
              <Link id={projectLinkId(project.id)} href={`/${orgSlug}/projects/${project.id}`} className="rounded-sm outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring">
                {project.name}
              </Link>
            )}
          </h2>
          {project.pending ? <Badge variant="secondary">Saving…</Badge> : null}
        </div>
        {project.description ? <p className="mt-1 line-clamp-2 text-sm text-muted-foreground">{project.description}</p> : null}
        <p className="mt-1 text-xs text-muted-foreground">Created {dateFormat.format(project.createdAt)}</p>
      </div>
      {project.pending ? null : (
        <div className="flex gap-2 sm:shrink-0">
          <EditProjectDialog project={project} orgSlug={orgSlug} update={update} />
          <DeleteProjectDialog project={project} orgSlug={orgSlug} remove={remove} />
        </div>
      )}
    </li>
  );
}

/** The rename dialog, shared by the list and the project's own page. */
export function EditProjectDialog({ project, orgSlug, update }: { project: Pick<ProjectView, "id" | "name" | "description">; orgSlug: string; update: FormAction<{ id: string }> }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} aria-label={`Edit ${project.name}`}>
        <Pencil aria-hidden /> Edit
      </Button>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Edit project</DialogTitle>
          <DialogDescription>Renaming a project keeps its history in the audit log.</DialogDescription>
        </DialogHeader>
        <ActionForm action={update} onSuccess={() => setOpen(false)} className="grid gap-4">
          {(state) => (
            <>
              <input type="hidden" name="orgSlug" value={orgSlug} />
              <input type="hidden" name="projectId" value={project.id} />
              <FormMessage state={state && !state.ok && !state.error.fields ? state : null} />
              <ProjectFields defaults={project} errors={state && !state.ok ? state.error.fields : undefined} />
              <DialogFooter>
                <DialogCancel />
                <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
              </DialogFooter>
            </>
          )}
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}

/** The delete confirmation, shared by the list (optimistic) and the project's own page (which redirects). */
export function DeleteProjectDialog<T>({ project, orgSlug, remove, onDeleted }: { project: Pick<ProjectView, "id" | "name">; orgSlug: string; remove: FormAction<T>; onDeleted?: () => void }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={`Delete ${project.name}`} className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden /> Delete
        </Button>
      }
      title={`Delete ${project.name}?`}
      description="The project is removed for everyone in the organization. This can't be undone."
      action={remove}
      fields={{ orgSlug, projectId: project.id }}
      confirmLabel="Delete project"
      pendingLabel="Deleting…"
      // In the list the row goes at once (optimistic) and the dialog with it; on the project's page the dialog
      // stays until the server answers, so a refusal shows here.
      closeOnSubmit={!onDeleted}
      onSuccess={onDeleted}
    />
  );
}
