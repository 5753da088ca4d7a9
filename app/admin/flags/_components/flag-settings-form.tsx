"use client";

import { useId } from "react";
import { ActionForm, FieldError, FormField, FormMessage, SubmitButton, type FormActionFn } from "@/components/forms";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

type Props = {
  flag: { key: string; version: number; description: string; defaultEnabled: boolean; rolloutPercent: number; plans: string[] };
  plans: { id: string; name: string }[];
  action: FormActionFn<{ version: number }>;
};

const choiceClass =
  "size-4 shrink-0 accent-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background";

/** Edits a flag's rule: description, default, rollout percentage, plans. */
export function FlagSettingsForm({ flag, plans, action }: Props) {
  const id = useId();
  return (
    <ActionForm action={action} className="grid gap-5" aria-label="Flag settings">
      {(state) => {
        const errors = state && !state.ok ? state.error.fields : undefined;
        return (
          <>
            <input type="hidden" name="key" value={flag.key} />
            {/* Controlled: after a save the page re-renders with the new version, and the next save sends it. */}
            <input type="hidden" name="version" value={flag.version} />
            <div className="grid gap-2">
              <Label htmlFor={`${id}-description`}>Description</Label>
              <textarea
                id={`${id}-description`}
                name="description"
                rows={3}
                maxLength={500}
                defaultValue={flag.description}
                aria-invalid={errors?.description ? true : undefined}
                aria-describedby={errors?.description ? `${id}-description-error` : undefined}
                className={cn(
                  "w-full min-w-0 resize-y rounded-md border border-input bg-transparent px-3 py-2 text-base shadow-xs transition-colors outline-none md:text-sm",
                  "focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
                  "aria-invalid:border-destructive",
                )}
              />
              <FieldError id={`${id}-description-error`} errors={errors?.description} />
            </div>

            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">Default</legend>
              <div className="flex flex-wrap gap-x-6 gap-y-2">
                {(["off", "on"] as const).map((value) => (
                  <label key={value} className="flex items-center gap-2 text-sm">
                    <input type="radio" name="defaultEnabled" value={value} defaultChecked={flag.defaultEnabled === (value === "on")} className={choiceClass} />
                    {value === "on" ? "On for every organization" : "Off unless rolled out or overridden"}
                  </label>
                ))}
              </div>
              <FieldError errors={errors?.defaultEnabled} />
            </fieldset>

            <FormField
              id={`${id}-rollout`}
              name="rolloutPercent"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              required
              label="Rollout (%)"
              defaultValue={flag.rolloutPercent}
              description="Organizations are picked by a stable hash of the flag and the organization: raising the share only adds organizations."
              errors={errors?.rolloutPercent}
              className="sm:max-w-xs"
            />

            <fieldset className="grid gap-2" aria-describedby={`${id}-plans-hint`}>
              <legend className="mb-1 text-sm font-medium">Limited to plans</legend>
              <div className="flex flex-wrap gap-x-6 gap-y-2">
                {plans.map((plan) => (
                  <label key={plan.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="plans" value={plan.id} defaultChecked={flag.plans.includes(plan.id)} className={cn(choiceClass, "rounded border-input")} />
                    {plan.name}
                  </label>
                ))}
              </div>
              <p id={`${id}-plans-hint`} className="text-xs text-muted-foreground">
                None checked: every plan. Organizations on other plans don&apos;t get the flag, unless they have an override.
              </p>
              <FieldError errors={errors?.plans} />
            </fieldset>

            <FormMessage state={state && !state.ok && !errors ? state : null} />
            <div>
              <SubmitButton pendingLabel="Saving…">Save flag</SubmitButton>
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}
