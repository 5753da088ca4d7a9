"use client";

import { Pencil, Power, RefreshCw, RotateCcw, Send, Trash2 } from "lucide-react";
import { useActionState, useState } from "react";
import { FormMessage, SubmitButton } from "@/components/forms";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { ActionState } from "@/lib/action";
import { deleteEndpointAction, replayDeliveryAction, rotateSecretAction, sendTestEventAction, setEndpointEnabledAction, updateEndpointAction } from "../actions";
import { EndpointFields, endpointDraft } from "./endpoint-fields";
import { SecretReveal } from "@/components/secret-reveal";

type Endpoint = { id: string; url: string; description: string; eventTypes: string[]; enabled: boolean };

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function Hidden({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />);
}

/** The endpoint's row of buttons: test event, enable or disable, edit, rotate secret, delete; and their messages. */
export function EndpointControls({ slug, endpoint }: { slug: string; endpoint: Endpoint }) {
  const ids = { orgSlug: slug, endpointId: endpoint.id };
  const [testState, sendTest] = useActionState(sendTestEventAction, null);
  const [toggleState, toggle] = useActionState(setEndpointEnabledAction, null);
  const toggled: ActionState<unknown> = toggleState?.ok ? { ok: true, data: null, message: toggleState.data.enabled ? "Endpoint enabled." : "Endpoint disabled: it gets no events until you enable it." } : toggleState;
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-2">
        <form action={sendTest}>
          <Hidden fields={ids} />
          <SubmitButton variant="outline" size="sm" disabled={!endpoint.enabled} pendingLabel="Sending…">
            <Send aria-hidden /> Send test event
          </SubmitButton>
        </form>
        <EditEndpointDialog slug={slug} endpoint={endpoint} />
        <RotateSecretDialog slug={slug} endpointId={endpoint.id} />
        <form action={toggle}>
          <Hidden fields={{ ...ids, enabled: String(!endpoint.enabled) }} />
          <SubmitButton variant="outline" size="sm" pendingLabel={endpoint.enabled ? "Disabling…" : "Enabling…"}>
            <Power aria-hidden /> {endpoint.enabled ? "Disable" : "Enable"}
          </SubmitButton>
        </form>
        <DeleteEndpointDialog slug={slug} endpoint={endpoint} />
      </div>
      <FormMessage state={testState} className="empty:hidden" />
      <FormMessage state={toggled} className="empty:hidden" />
    </div>
  );
}

function EditEndpointDialog({ slug, endpoint }: { slug: string; endpoint: Endpoint }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<ReturnType<typeof endpointDraft>>();
  const [state, formAction] = useActionState<Awaited<ReturnType<typeof updateEndpointAction>>, FormData>(async (prev, form) => {
    setDraft(endpointDraft(form));
    const result = await updateEndpointAction(prev, form);
    if (result?.ok) {
      setOpen(false);
      setDraft(undefined);
    }
    return result;
  }, null);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Pencil aria-hidden /> Edit
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Edit endpoint</DialogTitle>
          <DialogDescription>Changes apply to events from now on; deliveries already made keep their payload.</DialogDescription>
        </DialogHeader>
        <form action={formAction} className="grid gap-6">
          <Hidden fields={{ orgSlug: slug, endpointId: endpoint.id }} />
          <EndpointFields key={JSON.stringify(draft)} idPrefix="edit" defaults={draft ?? endpoint} errors={state && !state.ok ? state.error.fields : undefined} />
          <FormMessage state={state && !state.ok ? state : null} />
          <DialogFooter>
            <DialogCancel />
            <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function RotateSecretDialog({ slug, endpointId }: { slug: string; endpointId: string }) {
  const [state, formAction] = useActionState(rotateSecretAction, null);
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <RefreshCw aria-hidden /> Rotate secret
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Rotate signing secret</DialogTitle>
          <DialogDescription>
            Keel makes a new secret. For 24 hours every request is signed with both the old and the new one, so you can
            switch your receiver over without missing a message.
          </DialogDescription>
        </DialogHeader>
        {state?.ok ? (
          <>
            <SecretReveal
              secret={state.data.secret}
              note={`Copy it now: it is not shown again. The old secret stops signing on ${when.format(new Date(state.data.previousExpiresAt))} UTC.`}
            />
            <DialogFooter>
              <DialogCancel>Done</DialogCancel>
            </DialogFooter>
          </>
        ) : (
          <form action={formAction} className="grid gap-4">
            <Hidden fields={{ orgSlug: slug, endpointId }} />
            <FormMessage state={state} />
            <DialogFooter>
              <DialogCancel />
              <SubmitButton pendingLabel="Rotating…">Rotate secret</SubmitButton>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

function DeleteEndpointDialog({ slug, endpoint }: { slug: string; endpoint: Endpoint }) {
  const [state, formAction] = useActionState(deleteEndpointAction, null);
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden /> Delete
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete this endpoint?</DialogTitle>
          <DialogDescription>
            Keel stops sending events to <span className="font-mono break-all">{endpoint.url}</span> and deletes its delivery log. Retries in
            progress stop. This can&apos;t be undone.
          </DialogDescription>
        </DialogHeader>
        <form action={formAction} className="grid gap-4">
          <Hidden fields={{ orgSlug: slug, endpointId: endpoint.id }} />
          <FormMessage state={state} />
          <DialogFooter>
            <DialogCancel />
            <SubmitButton variant="destructive" pendingLabel="Deleting…">
              Delete endpoint
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Sends one delivery again, with its original webhook-id. */
export function ReplayButton({ slug, deliveryId, disabled }: { slug: string; deliveryId: string; disabled: boolean }) {
  const [state, formAction] = useActionState(replayDeliveryAction, null);
  return (
    <form action={formAction} className="grid justify-items-end gap-2">
      <Hidden fields={{ orgSlug: slug, deliveryId }} />
      <SubmitButton variant="outline" size="sm" disabled={disabled} pendingLabel="Replaying…">
        <RotateCcw aria-hidden /> Replay
      </SubmitButton>
      <FormMessage state={state} className="empty:hidden" />
    </form>
  );
}
