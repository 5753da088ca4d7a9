"use client";

import Link from "next/link";
import { useState } from "react";
import { ActionForm, FormMessage, SubmitButton } from "@/components/forms";
import { Button } from "@/components/ui/button";
import { createEndpointAction } from "../actions";
import { SecretReveal } from "@/components/secret-reveal";
import { EndpointFields } from "./endpoint-fields";

type Created = { endpointId: string; secret: string };

/** Adds an endpoint; on success the form gives way to the signing secret, shown this once. */
export function CreateEndpointForm({ slug }: { slug: string }) {
  const [created, setCreated] = useState<Created | null>(null);
  if (created) {
    return (
      <div className="grid gap-4">
        <p className="text-sm">Endpoint added. Copy its signing secret now: it is not shown again.</p>
        <SecretReveal
          secret={created.secret}
          note="Verify the webhook-signature header of every request with it (any Standard Webhooks library does). If it leaks, rotate it from the endpoint's page."
        />
        <div>
          <Button asChild>
            <Link href={`/${slug}/settings/webhooks/${created.endpointId}`}>Go to the endpoint</Link>
          </Button>
        </div>
      </div>
    );
  }
  return (
    <ActionForm action={createEndpointAction} onSuccess={(s) => setCreated(s.data)} className="grid gap-6" aria-label="Add a webhook endpoint">
      {(state) => (
        <>
          <input type="hidden" name="orgSlug" value={slug} />
          <EndpointFields idPrefix="create" errors={state && !state.ok ? state.error.fields : undefined} />
          <FormMessage state={state} />
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingLabel="Checking the URL…">Add endpoint</SubmitButton>
            <Button asChild variant="ghost">
              <Link href={`/${slug}/settings/webhooks`}>Cancel</Link>
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
