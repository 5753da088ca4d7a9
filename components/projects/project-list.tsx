"use client";

import { FolderKanban, Pencil, Plus, Trash2 } from "lucide-react";
import { useActionState, useOptimistic, useState } from "react";
import { FormMessage, SubmitButton } from "@/components/forms";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { ActionState } from "@/lib/action";
import { ProjectFields } from "./project-fields";
import type { FormAction, ProjectActions, ProjectView } from "./types";

type Change = { type: "add"; project: ProjectView } | { type: "remove"; id: string };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

type Props = { orgSlug: string; projects: ProjectView[]; limit: number | null; planName: string; actions: ProjectActions };

/**
 * The projects of an organization with create, edit and delete. Creating and deleting are optimistic: the list
 * changes at once and, should the server refuse, goes back to what the server has (with the reason shown).
 */
export function ProjectList({ orgSlug, projects, limit, planName, actions }: Props) {
  const [items, change] = useOptimistic(projects, (state: ProjectView[], c: Change) =>
    c.type === "add" ? [c.project, ...state] : state.filter((p) => p.id !== c.id),
  );
  const [createOpen, setCreateOpen] = useState(false);
  // What was typed, to put back into the reopened dialog when the server refuses it.
  const [draft, setDraft] = useState<{ name: string; description: string; key: number }>({ name: "", description: "", key: 0 });
  const [status, setStatus] = useState<ActionState<unknown>>(null);

  const [createState, create] = useActionState<ActionState<{ id: string }>, FormData>(async (prev, form) => {
    const now = new Date();
    change({ type: "add", project: { id: `pending-${now.getTime()}`, name: String(form.get("name") ?? "").trim(), description: String(form.get("description") ?? "").trim(), createdAt: now, updatedAt: now, pending: true } });
    const result = await actions.create(prev, form);
    setStatus(result);
    if (result?.ok) setDraft((d) => ({ name: "", description: "", key: d.key + 1 }));
    else setCreateOpen(true);
    return result;
  }, null);

  const [, remove] = useActionState<ActionState<{ id: string }>, FormData>(async (prev, form) => {
    change({ type: "remove", id: String(form.get("projectId")) });
    const result = await actions.remove(prev, form);
    setStatus(result);
    return result;
  }, null);

  const atLimit = limit !== null && projects.length >= limit;
  const createErrors = createState && !createState.ok ? createState.error.fields : undefined;

  const openCreate = () => {
    setStatus(null);
    setCreateOpen(true);
  };

  return (
    <div className="grid gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Projects</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {limit === null ? `${projects.length} ${projects.length === 1 ? "project" : "projects"} · unlimited on ${planName}` : `${projects.length} of ${limit} projects on the ${planName} plan`}
          </p>
        </div>
        {items.length > 0 ? (
          <Button onClick={openCreate} className="w-full sm:w-auto">
            <Plus aria-hidden /> New project
          </Button>
        ) : null}
      </div>

      <FormMessage state={status} />

      {atLimit ? (
        <p className="rounded-lg border border-dashed px-4 py-3 text-sm text-muted-foreground">
          You&apos;ve used all {limit} projects of the {planName} plan. Delete a project, or upgrade for unlimited projects.
        </p>
      ) : null}

      {items.length === 0 ? (
        <EmptyState onCreate={openCreate} />
      ) : (
        <ul className="divide-y rounded-xl border bg-card shadow-xs" aria-label="Projects">
          {items.map((project) => (
            <ProjectRow key={project.id} project={project} orgSlug={orgSlug} update={actions.update} remove={remove} onSaved={setStatus} />
          ))}
        </ul>
      )}

      <Dialog open={createOpen} onOpenChange={setCreateOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>New project</DialogTitle>
            <DialogDescription>Projects belong to this organization: every member can see and change them.</DialogDescription>
          </DialogHeader>
          <form
            key={draft.key}
            action={create}
            onSubmit={(e) => {
              const form = new FormData(e.currentTarget);
              setDraft((d) => ({ ...d, name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") }));
              setStatus(null);
              setCreateOpen(false);
            }}
            className="grid gap-4"
          >
            <input type="hidden" name="orgSlug" value={orgSlug} />
            {createState && !createState.ok && !createErrors ? <FormMessage state={createState} /> : null}
            <ProjectFields defaults={draft} errors={createErrors} />
            <DialogFooter>
              <DialogCancel />
              <SubmitButton>Create project</SubmitButton>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}

function EmptyState({ onCreate }: { onCreate: () => void }) {
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
      <Button onClick={onCreate} className="mt-6">
        <Plus aria-hidden /> Create your first project
      </Button>
    </div>
  );
}

type RowProps = {
  project: ProjectView;
  orgSlug: string;
  update: FormAction<{ id: string }>;
  remove: (form: FormData) => void;
  onSaved: (state: ActionState<unknown>) => void;
};

function ProjectRow({ project, orgSlug, update, remove, onSaved }: RowProps) {
  return (
    <li className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:gap-4 sm:px-5" aria-busy={project.pending || undefined}>
      <div className={project.pending ? "min-w-0 flex-1 opacity-60" : "min-w-0 flex-1"}>
        <div className="flex items-center gap-2">
          <h3 className="truncate font-medium">{project.name}</h3>
          {project.pending ? <Badge variant="secondary">Saving…</Badge> : null}
        </div>
        {project.description ? <p className="mt-1 line-clamp-2 text-sm text-muted-foreground">{project.description}</p> : null}
        <p className="mt-1 text-xs text-muted-foreground">Created {dateFormat.format(project.createdAt)}</p>
      </div>
      {project.pending ? null : (
        <div className="flex gap-2 sm:shrink-0">
          <EditProjectDialog project={project} orgSlug={orgSlug} update={update} onSaved={onSaved} />
          <DeleteProjectDialog project={project} orgSlug={orgSlug} remove={remove} />
        </div>
      )}
    </li>
  );
}

function EditProjectDialog({ project, orgSlug, update, onSaved }: Omit<RowProps, "remove">) {
  const [open, setOpen] = useState(false);
  const [state, save] = useActionState<ActionState<{ id: string }>, FormData>(async (prev, form) => {
    const result = await update(prev, form);
    if (result?.ok) {
      setOpen(false);
      onSaved(result);
    }
    return result;
  }, null);
  const errors = state && !state.ok ? state.error.fields : undefined;
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
        <form action={save} className="grid gap-4">
          <input type="hidden" name="orgSlug" value={orgSlug} />
          <input type="hidden" name="projectId" value={project.id} />
          <FormMessage state={state && !state.ok ? state : null} />
          <ProjectFields defaults={project} errors={errors} />
          <DialogFooter>
            <DialogCancel />
            <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function DeleteProjectDialog({ project, orgSlug, remove }: Pick<RowProps, "project" | "orgSlug" | "remove">) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} aria-label={`Delete ${project.name}`} className="text-destructive hover:text-destructive">
        <Trash2 aria-hidden /> Delete
      </Button>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete {project.name}?</DialogTitle>
          <DialogDescription>The project is removed for everyone in the organization. This can&apos;t be undone.</DialogDescription>
        </DialogHeader>
        <form action={remove} onSubmit={() => setOpen(false)}>
          <input type="hidden" name="orgSlug" value={orgSlug} />
          <input type="hidden" name="projectId" value={project.id} />
          <DialogFooter>
            <DialogCancel />
            <Button type="submit" variant="destructive">
              Delete project
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
