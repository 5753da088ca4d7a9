"use client";

import { useState } from "react";
import { ActionForm, FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { initials } from "@/components/app-shell/user-menu";
import type { ActionState } from "@/lib/action";

type Props = {
  user: { email: string; name: string | null; image: string | null };
  action: (prev: ActionState<null>, form: FormData) => Promise<ActionState<null>>;
};

/** Name and avatar URL with a live preview; the email is shown but changes elsewhere. */
export function ProfileForm({ user, action }: Props) {
  const [name, setName] = useState(user.name ?? "");
  const [image, setImage] = useState(user.image ?? "");
  const [broken, setBroken] = useState(false);
  const showImage = /^https:\/\/\S+$/i.test(image) && !broken;

  return (
    <ActionForm action={action} className="grid gap-6">
      {(state) => (
        <>
      <div className="flex items-center gap-4">
        <div className="grid size-16 shrink-0 place-items-center overflow-hidden rounded-full bg-primary text-lg font-semibold text-primary-foreground">
          {showImage ? (
            // eslint-disable-next-line @next/next/no-img-element -- any https host: next/image would need each one allowed
            <img src={image} alt="Avatar preview" className="size-full object-cover" onError={() => setBroken(true)} />
          ) : (
            <span aria-hidden="true">{initials({ name, email: user.email })}</span>
          )}
        </div>
        <p className="text-sm text-muted-foreground">
          {broken ? "That address doesn't load as an image; your initials are shown instead." : "Your avatar, as teammates see it."}
        </p>
      </div>

      <FormField name="name" label="Name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoComplete="name" errors={fieldErrorsOf(state, "name")} />
      <FormField
        name="image"
        label="Avatar URL"
        type="url"
        inputMode="url"
        placeholder="https://…"
        value={image}
        onChange={(e) => {
          setImage(e.target.value);
          setBroken(false);
        }}
        description="An https:// address of a square image. Leave empty to use your initials."
        errors={fieldErrorsOf(state, "image")}
      />
      <div className="grid gap-2">
        <Label htmlFor="profile-email">Email</Label>
        <Input id="profile-email" value={user.email} readOnly aria-describedby="profile-email-hint" className="bg-muted/50 text-muted-foreground" />
        <p id="profile-email-hint" className="text-xs text-muted-foreground">
          Your sign-in address. It can&apos;t be changed here.
        </p>
      </div>

      <div className="grid gap-3">
        <FormMessage state={state} />
        <div>
          <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
        </div>
      </div>
        </>
      )}
    </ActionForm>
  );
}
