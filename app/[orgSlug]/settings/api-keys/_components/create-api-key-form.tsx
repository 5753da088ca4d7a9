"use client";

import { useActionState, useState } from "react";
import { FieldError, FormField, FormMessage, SubmitButton } from "@/components/forms";
import { SecretReveal } from "@/components/secret-reveal";
import { Button } from "@/components/ui/button";
import { apiKeyScopes, scopeDescriptions } from "@/lib/api-keys/scopes";
import { createApiKeyAction } from "../actions";

/** Creates a key; on success the form gives way to the key itself, shown this once. */
export function CreateApiKeyForm({ slug, today }: { slug: string; today: string }) {
  const [formKey, setFormKey] = useState(0);
  const [state, formAction] = useActionState(createApiKeyAction, null);
  const [shown, setShown] = useState<string | null>(null);
  const secret = state?.ok && state.data.secret !== shown ? state.data.secret : null;
  if (secret) {
    return (
      <div className="grid gap-4">
        <SecretReveal
          title="API key"
          copyLabel="Copy API key"
          testId="api-key-secret"
          secret={secret}
          note="Copy it now: Keel stores only its hash and cannot show it again. Send it as Authorization: Bearer <key>."
        />
        <div>
          <Button
            variant="outline"
            onClick={() => {
              setShown(secret);
              setFormKey((k) => k + 1);
            }}
          >
            Done
          </Button>
        </div>
      </div>
    );
  }
  const errors = state && !state.ok ? state.error.fields : undefined;
  return (
    <form key={formKey} action={formAction} className="grid gap-5" aria-label="Create an API key">
      <input type="hidden" name="orgSlug" value={slug} />
      <FormField id="api-key-name" name="name" label="Name" placeholder="CI deploys" maxLength={80} required autoComplete="off" errors={errors?.name} />
      <fieldset className="grid gap-2" aria-describedby={errors?.scopes ? "api-key-scopes-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">Scopes</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {apiKeyScopes.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                defaultChecked={scope === "projects:read"}
                className="mt-0.5 size-4 shrink-0 rounded border-input accent-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
              />
              <span>
                <span className="font-mono text-xs">{scope}</span>
                <span className="block text-xs text-muted-foreground">{scopeDescriptions[scope]}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id="api-key-scopes-error" errors={errors?.scopes} />
      </fieldset>
      <FormField
        id="api-key-expires"
        name="expiresOn"
        type="date"
        min={today}
        label={
          <>
            Expires <span className="font-normal text-muted-foreground">(optional)</span>
          </>
        }
        description="The key stops working at the end of this day (UTC). Leave empty for a key that never expires."
        errors={errors?.expiresOn}
        className="sm:max-w-xs"
      />
      <FormMessage state={state && !state.ok ? state : null} />
      <div>
        <SubmitButton pendingLabel="Creating…">Create key</SubmitButton>
      </div>
    </form>
  );
}
