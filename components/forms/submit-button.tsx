"use client";

import { Loader2 } from "lucide-react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "@/components/ui/button";
import { useActionFormPending } from "./action-form";

type SubmitButtonProps = Omit<ButtonProps, "type" | "asChild"> & {
  /** What the button says while the form is submitting (defaults to its children). */
  pendingLabel?: React.ReactNode;
  /** Pending state from `useActionState`, when the button is outside the form or a form has several actions. */
  pending?: boolean;
};

/** A form's submit button: disabled with a spinner while its form (an `ActionForm` or a plain form action) is submitting. */
export function SubmitButton({ children, pendingLabel, pending: pendingProp, disabled, ...props }: SubmitButtonProps) {
  const status = useFormStatus();
  const formPending = useActionFormPending();
  const pending = pendingProp ?? formPending ?? status.pending;
  return (
    <Button type="submit" disabled={disabled || pending} aria-disabled={disabled || pending} {...props}>
      {pending ? <Loader2 className="animate-spin" aria-hidden /> : null}
      {pending ? (pendingLabel ?? children) : children}
    </Button>
  );
}
