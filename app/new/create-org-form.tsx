"use client";

import { useState } from "react";
import { ActionForm, FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";
import { slugify } from "@/lib/orgs/slugs";
import { createOrgAction } from "./actions";

/** Name and optional address of a new organization, with a live preview of where it will live. */
export function CreateOrgForm({ origin }: { origin: string }) {
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const preview = slug.trim().toLowerCase() || (name.trim().length >= 2 ? slugify(name) : "your-org");
  return (
    <ActionForm action={createOrgAction} className="grid gap-5">
      {(state) => (
        <>
      <FormField
        name="name"
        label="Organization name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="Initech"
        autoComplete="organization"
        required
        minLength={2}
        maxLength={80}
        autoFocus
        errors={fieldErrorsOf(state, "name")}
      />
      <FormField
        name="slug"
        label="Address (optional)"
        value={slug}
        onChange={(e) => setSlug(e.target.value)}
        placeholder={name.trim().length >= 2 ? slugify(name) : "initech"}
        autoCapitalize="none"
        spellCheck={false}
        maxLength={48}
        description={
          <span aria-live="polite">
            <span className="font-mono text-foreground">
              {origin}/{preview}
            </span>
            {slug ? null : " (made from the name; a suffix is added if it's taken)"}
          </span>
        }
        errors={fieldErrorsOf(state, "slug")}
      />
      <FormMessage state={state} />
      <SubmitButton size="lg" pendingLabel="Creating…">
        Create organization
      </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
