"use client";

import { Trash2 } from "lucide-react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button } from "@/components/ui/button";
import { revokeApiKeyAction } from "../actions";

/** Revokes one key, after saying what that breaks. */
export function RevokeApiKeyDialog({ slug, keyId, name }: { slug: string; keyId: string; name: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`Revoke ${name}`}>
          <Trash2 aria-hidden /> Revoke
        </Button>
      }
      title={`Revoke “${name}”?`}
      description="Every request with this key is refused from the next one on. This cannot be undone: create a new key if you need one."
      action={revokeApiKeyAction}
      fields={{ orgSlug: slug, keyId }}
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
    />
  );
}
