"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { FormMessage, SubmitButton } from "@/components/forms";
import { Button } from "@/components/ui/button";
import { createEndpointAction } from "../actions";
import { EndpointFields, endpointDraft } from "./endpoint-fields";
import { SecretReveal } from "@/components/secret-reveal";

/** Adds an endpoint; on success the form gives way to the signing secret, shown this once. */
export function CreateEndpointForm({ slug }: { slug: string }) {
  const [draft, setDraft] = useState<ReturnType<typeof endpointDraft>>();
  const [state, formAction] = useActionState<Awaited<ReturnType<typeof createEndpointAction>>, FormData>(async (prev, form) => {
    setDraft(endpointDraft(form));
    return createEndpointAction(prev, form);
  }, null);
  if (state?.ok) {
    return (
      <div className="grid gap-4">
        <p className="text-sm">Endpoint added. Copy its signing secret now: it is not shown again.</p>
        <SecretReveal
          secret={state.data.secret}
          note="Verify the webhook-signature header of every request with it (any Standard Webhooks library does). If it leaks, rotate it from the endpoint's page."
        />
        <div>
          <Button asChild>
            <Link href={`/${slug}/settings/webhooks/${state.data.endpointId}`}>Go to the endpoint</Link>
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form action={formAction} className="grid gap-6" aria-label="Add a webhook endpoint">
      <input type="hidden" name="orgSlug" value={slug} />
      <EndpointFields key={JSON.stringify(draft)} idPrefix="create" defaults={draft} errors={state && !state.ok ? state.error.fields : undefined} />
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel="Checking the URL…">Add endpoint</SubmitButton>
        <Button asChild variant="ghost">
          <Link href={`/${slug}/settings/webhooks`}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
