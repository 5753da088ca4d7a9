"use client";

import { Pencil, Power, RefreshCw, RotateCcw, Send, Trash2 } from "lucide-react";
import { useState } from "react";
import { ActionForm, FormMessage, SubmitButton } from "@/components/forms";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { notifySuccess } from "@/components/toaster";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { deleteEndpointAction, replayDeliveryAction, rotateSecretAction, sendTestEventAction, setEndpointEnabledAction, updateEndpointAction } from "../actions";
import { SecretReveal } from "@/components/secret-reveal";
import { EndpointFields } from "./endpoint-fields";

type Endpoint = { id: string; url: string; description: string; eventTypes: string[]; enabled: boolean };

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function Hidden({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />);
}

/** The endpoint's row of buttons: test event, enable or disable, edit, rotate secret, delete; and their messages. */
export function EndpointControls({ slug, endpoint }: { slug: string; endpoint: Endpoint }) {
  const ids = { orgSlug: slug, endpointId: endpoint.id };
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ActionForm action={sendTestEventAction} className="grid gap-2">
        {(state) => (
          <>
            <Hidden fields={ids} />
            <SubmitButton variant="outline" size="sm" disabled={!endpoint.enabled} pendingLabel="Sending…">
              <Send aria-hidden /> Send test event
            </SubmitButton>
            <FormMessage state={state} className="empty:hidden" />
          </>
        )}
      </ActionForm>
      <EditEndpointDialog slug={slug} endpoint={endpoint} />
      <RotateSecretDialog slug={slug} endpointId={endpoint.id} />
      <ActionForm action={setEndpointEnabledAction} toastSuccess={false} onSuccess={(s) => notifySuccess(s.data.enabled ? "Endpoint enabled." : "Endpoint disabled: it gets no events until you enable it.")} className="grid gap-2">
        {(state) => (
          <>
            <Hidden fields={{ ...ids, enabled: String(!endpoint.enabled) }} />
            <SubmitButton variant="outline" size="sm" pendingLabel={endpoint.enabled ? "Disabling…" : "Enabling…"}>
              <Power aria-hidden /> {endpoint.enabled ? "Disable" : "Enable"}
            </SubmitButton>
            <FormMessage state={state} className="empty:hidden" />
          </>
        )}
      </ActionForm>
      <DeleteEndpointDialog slug={slug} endpoint={endpoint} />
    </div>
  );
}

function EditEndpointDialog({ slug, endpoint }: { slug: string; endpoint: Endpoint }) {
  const [open, setOpen] = useState(false);
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
        <ActionForm action={updateEndpointAction} onSuccess={() => setOpen(false)} className="grid gap-6">
          {(state) => (
            <>
              <Hidden fields={{ orgSlug: slug, endpointId: endpoint.id }} />
              <EndpointFields idPrefix="edit" defaults={endpoint} errors={state && !state.ok ? state.error.fields : undefined} />
              <FormMessage state={state} />
              <DialogFooter>
                <DialogCancel />
                <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
              </DialogFooter>
            </>
          )}
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}

function RotateSecretDialog({ slug, endpointId }: { slug: string; endpointId: string }) {
  const [rotated, setRotated] = useState<{ secret: string; previousExpiresAt: string | Date } | null>(null);
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setRotated(null);
      }}
    >
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
        {rotated ? (
          <>
            <SecretReveal
              secret={rotated.secret}
              note={`Copy it now: it is not shown again. The old secret stops signing on ${when.format(new Date(rotated.previousExpiresAt))} UTC.`}
            />
            <DialogFooter>
              <DialogCancel>Done</DialogCancel>
            </DialogFooter>
          </>
        ) : (
          <ActionForm action={rotateSecretAction} onSuccess={(s) => setRotated(s.data)} className="grid gap-4">
            {(state) => (
              <>
                <Hidden fields={{ orgSlug: slug, endpointId }} />
                <FormMessage state={state} />
                <DialogFooter>
                  <DialogCancel />
                  <SubmitButton pendingLabel="Rotating…">Rotate secret</SubmitButton>
                </DialogFooter>
              </>
            )}
          </ActionForm>
        )}
      </DialogContent>
    </Dialog>
  );
}

function DeleteEndpointDialog({ slug, endpoint }: { slug: string; endpoint: Endpoint }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden /> Delete
        </Button>
      }
      title="Delete this endpoint?"
      description={
        <>
          Keel stops sending events to <span className="font-mono break-all">{endpoint.url}</span> and deletes its delivery log. Retries in
          progress stop. This can&apos;t be undone.
        </>
      }
      action={deleteEndpointAction}
      fields={{ orgSlug: slug, endpointId: endpoint.id }}
      confirmLabel="Delete endpoint"
      pendingLabel="Deleting…"
    />
  );
}

/** Sends one delivery again, with its original webhook-id. */
export function ReplayButton({ slug, deliveryId, disabled }: { slug: string; deliveryId: string; disabled: boolean }) {
  return (
    <ActionForm action={replayDeliveryAction} className="grid justify-items-end gap-2">
      {(state) => (
        <>
          <Hidden fields={{ orgSlug: slug, deliveryId }} />
          <SubmitButton variant="outline" size="sm" disabled={disabled} pendingLabel="Replaying…">
            <RotateCcw aria-hidden /> Replay
          </SubmitButton>
          <FormMessage state={state} className="empty:hidden" />
        </>
      )}
    </ActionForm>
  );
}
