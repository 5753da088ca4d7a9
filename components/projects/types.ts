import type { ActionState } from "@/lib/action";

/** A project as the list shows it; `pending` marks an optimistic row the server has not confirmed yet. */
export type ProjectView = { id: string; name: string; description: string; createdAt: Date; updatedAt: Date; pending?: boolean };

/** A server action as `useActionState` takes it. */
export type FormAction<T = unknown> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

/** The three project actions the list calls (passed in by the page, so components never import from app/). */
export type ProjectActions = { create: FormAction<{ id: string }>; update: FormAction<{ id: string }>; remove: FormAction<{ id: string }> };
