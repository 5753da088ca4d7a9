"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action";
import { FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";

type Props<T> = {
  action: (state: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
  submitLabel: string;
  pendingLabel: string;
  defaultEmail?: string;
  description?: string;
};

/** A one-field form that asks for an email address (forgot password, resend verification). */
export function EmailForm<T>({ action, submitLabel, pendingLabel, defaultEmail, description }: Props<T>) {
  const [state, formAction] = useActionState(action, null as ActionState<T>);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormField name="email" label="Email" type="email" autoComplete="email" required defaultValue={defaultEmail} description={description} errors={fieldErrorsOf(state, "email")} />
      <FormMessage state={state} />
      <SubmitButton className="w-full" pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
