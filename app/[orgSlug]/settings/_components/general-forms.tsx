"use client";

import { useState } from "react";
import { ActionForm, FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";
import { changeOrgSlugAction, renameOrgAction, requestOrgDeletionAction, setTwoFactorRequirementAction } from "../actions";

/** Rename the organization. */
export function RenameOrgForm({ slug, name }: { slug: string; name: string }) {
  return (
    <ActionForm action={renameOrgAction} className="grid gap-4">
      {(state) => (
        <>
          <input type="hidden" name="orgSlug" value={slug} />
          <FormField name="name" label="Name" defaultValue={name} required minLength={2} maxLength={80} errors={fieldErrorsOf(state, "name")} />
          <FormMessage state={state} />
          <div>
            <SubmitButton pendingLabel="Saving…">Save name</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** Move the organization to a new address. */
export function ChangeSlugForm({ slug, origin }: { slug: string; origin: string }) {
  const [value, setValue] = useState(slug);
  const preview = value.trim().toLowerCase() || slug;
  return (
    <ActionForm action={changeOrgSlugAction} className="grid gap-4">
      {(state) => (
        <>
      <input type="hidden" name="orgSlug" value={slug} />
      <FormField
        name="slug"
        label="Address"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        required
        autoCapitalize="none"
        spellCheck={false}
        pattern="[a-z0-9]+(-[a-z0-9]+)*"
        minLength={2}
        maxLength={48}
        description={
          <>
            Your organization lives at <span className="font-mono text-foreground">{origin}/{preview}</span>. Old links stop working.
          </>
        }
        errors={fieldErrorsOf(state, "slug")}
      />
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel="Saving…" disabled={value.trim() === slug}>
          Change address
        </SubmitButton>
      </div>
        </>
      )}
    </ActionForm>
  );
}

/** Delete the organization, after typing its slug. */
export function DeleteOrgForm({ slug }: { slug: string }) {
  const [typed, setTyped] = useState("");
  return (
    <ActionForm action={requestOrgDeletionAction} className="grid gap-4">
      {(state) => (
        <>
      <input type="hidden" name="orgSlug" value={slug} />
      <FormField
        name="confirmSlug"
        label={
          <span>
            Type <span className="font-mono">{slug}</span> to confirm
          </span>
        }
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        errors={fieldErrorsOf(state, "confirmSlug")}
      />
      <FormMessage state={state} />
      <div>
        <SubmitButton variant="destructive" pendingLabel="Deleting…" disabled={typed.trim() !== slug}>
          Delete organization
        </SubmitButton>
      </div>
        </>
      )}
    </ActionForm>
  );
}

/** Require two-factor authentication of every member (owners only). */
export function TwoFactorRequirementForm({ slug, required, ownTwoFactor }: { slug: string; required: boolean; ownTwoFactor: boolean }) {
  return (
    <ActionForm action={setTwoFactorRequirementAction} className="grid gap-4">
      {(state) => (
        <>
          <input type="hidden" name="orgSlug" value={slug} />
          <input type="hidden" name="required" value={required ? "false" : "true"} />
          <p className="text-sm">
            {required ? "Every member must use two-factor authentication." : "Members may sign in without two-factor authentication."}
            {!required && !ownTwoFactor ? <span className="block text-muted-foreground">You don&rsquo;t use it yet: you will be asked to set it up too.</span> : null}
          </p>
          <FormMessage state={state} />
          <div>
            <SubmitButton variant={required ? "outline" : "default"} pendingLabel="Saving…">
              {required ? "Stop requiring two-factor" : "Require two-factor for all members"}
            </SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}
