"use client";

import { useState, type ReactNode } from "react";
import { Dialog, DialogCancel, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { ActionState } from "@/lib/action";
import { ActionForm, type FormActionFn } from "./action-form";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

type Props<T> = {
  /** The button that opens the dialog (rendered as the dialog's trigger). */
  trigger: ReactNode;
  title: ReactNode;
  /** What confirming does and undoes, in a sentence or two. */
  description: ReactNode;
  action: FormActionFn<T>;
  /** Hidden fields the action needs (`orgSlug`, the item's id). */
  fields: Record<string, string>;
  confirmLabel: ReactNode;
  pendingLabel: string;
  /** A destructive confirmation (delete, revoke, remove) gets the red button. Default true. */
  destructive?: boolean;
  /** Close as soon as the form is sent (an optimistic list removes the row at once); otherwise on success. */
  closeOnSubmit?: boolean;
  onSuccess?: (state: Extract<ActionState<T>, { ok: true }>) => void;
};

/**
 * The one confirmation dialog of Keel: a question, what it does, Cancel and the confirming button, and the action's
 * refusal shown inline in the dialog. Focus returns to the trigger when it closes.
 */
export function ConfirmDialog<T>({ trigger, title, description, action, fields, confirmLabel, pendingLabel, destructive = true, closeOnSubmit, onSuccess }: Props<T>) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <ActionForm
          action={action}
          onSubmitStart={closeOnSubmit ? () => setOpen(false) : undefined}
          onSuccess={(state) => {
            setOpen(false);
            onSuccess?.(state);
          }}
          className="grid gap-4"
        >
          {(state) => (
            <>
              {Object.entries(fields).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <FormMessage state={state} className="empty:hidden" />
              <DialogFooter>
                <DialogCancel />
                <SubmitButton variant={destructive ? "destructive" : "default"} pendingLabel={pendingLabel}>
                  {confirmLabel}
                </SubmitButton>
              </DialogFooter>
            </>
          )}
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
