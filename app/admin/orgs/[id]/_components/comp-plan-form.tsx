"use client";

import { Gift } from "lucide-react";
import { useId } from "react";
import { ActionForm, FieldError, FormField, FormMessage, SubmitButton } from "@/components/forms";
import { Label } from "@/components/ui/label";
import { setCompPlanAction } from "../actions";

const selectClass =
  "h-9 w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background";

/** Sets or removes the organization's comp plan, with a reason. */
export function CompPlanForm({ orgId, compPlan, plans }: { orgId: string; compPlan: string | null; plans: { id: string; name: string }[] }) {
  const selectId = useId();
  return (
    <ActionForm action={setCompPlanAction} className="grid gap-3 rounded-xl border bg-card p-4 sm:grid-cols-[12rem_1fr_auto] sm:items-start">
      {(state) => (
        <>
          <input type="hidden" name="orgId" value={orgId} />
          <div className="grid gap-2">
            <Label htmlFor={selectId}>Comp plan</Label>
            <select id={selectId} name="planId" defaultValue={compPlan ?? "none"} className={selectClass}>
              <option value="none">None (billing decides)</option>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <FieldError errors={state && !state.ok ? state.error.fields?.planId : undefined} />
          </div>
          <FormField name="reason" label="Reason" required minLength={3} maxLength={500} placeholder="Design partner until June" errors={state && !state.ok ? state.error.fields?.reason : undefined} />
          <SubmitButton className="sm:mt-[1.375rem]" pendingLabel="Saving…">
            <Gift aria-hidden /> Save
          </SubmitButton>
          <FormMessage state={state} className="sm:col-span-3" />
        </>
      )}
    </ActionForm>
  );
}
