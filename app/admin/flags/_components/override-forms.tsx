"use client";

import { Trash2 } from "lucide-react";
import { useId } from "react";
import { ActionForm, FieldError, FormField, FormMessage, SubmitButton, type FormActionFn } from "@/components/forms";

/** Adds (or replaces) an organization's override, found by its slug. */
export function AddOverrideForm({ flagKey, action }: { flagKey: string; action: FormActionFn<{ slug: string }> }) {
  const id = useId();
  return (
    <ActionForm action={action} resetOnSuccess className="grid gap-4" aria-label="Add an override">
      {(state) => {
        const errors = state && !state.ok ? state.error.fields : undefined;
        return (
          <>
            <input type="hidden" name="key" value={flagKey} />
            <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start">
              <FormField
                id={`${id}-slug`}
                name="slug"
                label="Organization slug"
                placeholder="acme"
                required
                maxLength={48}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                errors={errors?.slug}
              />
              <fieldset className="grid gap-2">
                <legend className="mb-2 text-sm font-medium">Flag for it</legend>
                <div className="flex h-9 items-center gap-5">
                  {(["on", "off"] as const).map((value) => (
                    <label key={value} className="flex items-center gap-2 text-sm">
                      <input
                        type="radio"
                        name="enabled"
                        value={value}
                        defaultChecked={value === "on"}
                        className="size-4 accent-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
                      />
                      {value === "on" ? "On" : "Off"}
                    </label>
                  ))}
                </div>
                <FieldError errors={errors?.enabled} />
              </fieldset>
            </div>
            <FormMessage state={state && !state.ok && !errors ? state : null} />
            <div>
              <SubmitButton pendingLabel="Saving…">Save override</SubmitButton>
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}

/** Removes one organization's override. */
export function RemoveOverrideButton({ flagKey, orgId, orgName, action }: { flagKey: string; orgId: string; orgName: string; action: FormActionFn<null> }) {
  return (
    <ActionForm action={action} className="flex flex-col items-end gap-1">
      {(state) => (
        <>
          <input type="hidden" name="key" value={flagKey} />
          <input type="hidden" name="orgId" value={orgId} />
          <SubmitButton variant="outline" size="sm" pendingLabel="Removing…" aria-label={`Remove the override of ${orgName}`}>
            <Trash2 aria-hidden /> Remove
          </SubmitButton>
          <FormMessage state={state && !state.ok ? state : null} className="empty:hidden" />
        </>
      )}
    </ActionForm>
  );
}
