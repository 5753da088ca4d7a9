"use client";

import { Trash2 } from "lucide-react";
import { ActionForm, FormMessage, SubmitButton } from "@/components/forms";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { revokeApiKeyAction } from "../actions";

/** Revokes one key, after saying what that breaks. */
export function RevokeApiKeyDialog({ slug, keyId, name }: { slug: string; keyId: string; name: string }) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`Revoke ${name}`}>
          <Trash2 aria-hidden /> Revoke
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Revoke “{name}”?</DialogTitle>
          <DialogDescription>Every request with this key is refused from the next one on. This cannot be undone: create a new key if you need one.</DialogDescription>
        </DialogHeader>
        <ActionForm action={revokeApiKeyAction} className="grid gap-4">
          {(state) => (
            <>
              <input type="hidden" name="orgSlug" value={slug} />
              <input type="hidden" name="keyId" value={keyId} />
              <FormMessage state={state} />
              <DialogFooter>
                <DialogCancel />
                <SubmitButton variant="destructive" pendingLabel="Revoking…">
                  Revoke key
                </SubmitButton>
              </DialogFooter>
            </>
          )}
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
