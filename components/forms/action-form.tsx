"use client";

import { createContext, startTransition, useActionState, useContext, useRef, type ComponentProps, type FormEvent, type ReactNode } from "react";
import { notifySuccess } from "@/components/toaster";
import type { ActionState } from "@/lib/action";

/** A server action as `useActionState` takes it. */
export type FormActionFn<T> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

const ActionFormContext = createContext<{ pending: boolean } | null>(null);

/** Whether the enclosing `ActionForm` is submitting (null outside one). */
export function useActionFormPending(): boolean | null {
  return useContext(ActionFormContext)?.pending ?? null;
}

type Props<T> = Omit<ComponentProps<"form">, "action" | "children" | "onSubmit"> & {
  action: FormActionFn<T>;
  /** The form's fields; a function gets the action's latest state (for field errors) and whether it is pending. */
  children: ReactNode | ((state: ActionState<T>, pending: boolean) => ReactNode);
  /** Called once with every successful result (close a dialog, move focus). */
  onSuccess?: (state: Extract<ActionState<T>, { ok: true }>) => void;
  /** Called as the form is submitted, inside the action's transition, with what it sends (optimistic updates, closing a dialog). */
  onSubmitStart?: (form: FormData) => void;
  /** Empty the fields after a success (an invite form ready for the next address). Off: the saved values stay. */
  resetOnSuccess?: boolean;
  /** Show the action's success message as a toast (default true). Errors are always shown inline by `FormMessage`. */
  toastSuccess?: boolean;
};

/**
 * The one form of Keel's server actions. React resets a `<form action={fn}>` after every submission, which empties
 * what a person typed when the server says no; this form submits the same action inside a transition instead, so
 * every field (inputs, selects, checkboxes, textareas) keeps its value after an error, and only a success resets
 * it when asked. Success messages become toasts; the state is handed to `children` for inline errors.
 */
export function ActionForm<T>({ action, children, onSuccess, onSubmitStart, resetOnSuccess, toastSuccess = true, ...props }: Props<T>) {
  const form = useRef<HTMLFormElement>(null);
  // What follows a success runs as part of the action, not in an effect: a success often unmounts the form
  // (a removed row, a closed dialog), and the toast and callback must happen all the same.
  const [state, dispatch, pending] = useActionState(async (prev: ActionState<T>, data: FormData) => {
    const result = await action(prev, data);
    if (result?.ok) {
      if (toastSuccess && result.message) notifySuccess(result.message);
      if (resetOnSuccess) form.current?.reset();
      onSuccess?.(result as Extract<ActionState<T>, { ok: true }>);
    }
    return result;
  }, null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => {
      onSubmitStart?.(data);
      dispatch(data);
    });
  };

  return (
    <ActionFormContext.Provider value={{ pending }}>
      {/* `action` stays for submissions before hydration; after it, `onSubmit` runs and nothing is reset. */}
      <form ref={form} action={dispatch} onSubmit={submit} {...props}>
        {typeof children === "function" ? children(state, pending) : children}
      </form>
    </ActionFormContext.Provider>
  );
}
