"use client";

import type { ActionState } from "@/lib/action";
import { ActionForm, FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";

type Props<T> = {
  action: (state: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
  submitLabel: string;
  pendingLabel: string;
  defaultEmail?: string;
  description?: string;
};

/** A one-field form that asks for an email address (forgot password, resend verification). */
export function EmailForm<T>({ action, submitLabel, pendingLabel, defaultEmail, description }: Props<T>) {
  return (
    <ActionForm action={action} className="grid gap-4" noValidate>
      {(state) => (
        <>
          <FormField name="email" label="Email" type="email" autoComplete="email" required defaultValue={defaultEmail} description={description} errors={fieldErrorsOf(state, "email")} />
          <FormMessage state={state} />
          <SubmitButton className="w-full" pendingLabel={pendingLabel}>
            {submitLabel}
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
