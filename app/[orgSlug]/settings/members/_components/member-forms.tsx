"use client";

import type { ComponentProps } from "react";
import { ActionForm, FieldError, FormField, FormMessage, SubmitButton, fieldErrorsOf } from "@/components/forms";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { notifySuccess } from "@/components/toaster";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import type { ActionState } from "@/lib/action";
import { cn } from "@/lib/utils";
import {
  changeMemberRoleAction,
  inviteMemberAction,
  leaveOrgAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
  transferOwnershipAction,
} from "../actions";

type Role = "owner" | "admin" | "member";
const roleLabels: Record<Role, string> = { owner: "Owner", admin: "Admin", member: "Member" };

const selectClass =
  "h-9 rounded-md border border-input bg-background px-2 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background aria-invalid:border-destructive";

function RoleSelect({ id, name, roles, defaultValue, label, className }: { id: string; name: string; roles: Role[]; defaultValue: Role; label?: string; className?: string }) {
  return (
    <select id={id} name={name} defaultValue={defaultValue} aria-label={label} className={cn(selectClass, className)}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {roleLabels[r]}
        </option>
      ))}
    </select>
  );
}

/** A one-line error note for a row's small forms. */
function RowMessage({ state }: { state: ActionState<unknown> }) {
  return <FormMessage state={state} className="w-full empty:hidden" />;
}

/** Invite someone by email with a role; owners may invite owners. */
export function InviteForm({ slug, roles }: { slug: string; roles: Role[] }) {
  return (
    <ActionForm action={inviteMemberAction} resetOnSuccess toastSuccess={false} onSuccess={(s) => notifySuccess(`Invitation sent to ${s.data.email}.`)} className="grid gap-4" aria-label="Invite a member">
      {(state) => (
        <>
      <input type="hidden" name="orgSlug" value={slug} />
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem_auto] sm:items-start">
        <FormField name="email" label="Email" type="email" autoComplete="off" placeholder="teammate@company.com" required errors={fieldErrorsOf(state, "email")} />
        <div className="grid gap-2">
          <Label htmlFor="invite-role">Role</Label>
          <RoleSelect id="invite-role" name="role" roles={roles} defaultValue="member" />
          <FieldError errors={fieldErrorsOf(state, "role")} />
        </div>
        <SubmitButton className="sm:mt-[22px]" pendingLabel="Sending…">
          Send invitation
        </SubmitButton>
      </div>
      <FormMessage state={state} />
        </>
      )}
    </ActionForm>
  );
}

/** Change one member's role (saved on change of the select, with a button for keyboard and no-JS users). */
export function RoleForm({ slug, userId, role, roles, name }: { slug: string; userId: string; role: Role; roles: Role[]; name: string }) {
  const id = `role-${userId}`;
  return (
    <ActionForm action={changeMemberRoleAction} className="flex flex-wrap items-center gap-2">
      {(state) => (
        <>
      <input type="hidden" name="orgSlug" value={slug} />
      <input type="hidden" name="userId" value={userId} />
      <RoleSelect id={id} name="role" roles={roles} defaultValue={role} label={`Role of ${name}`} />
      <SubmitButton size="sm" variant="outline" pendingLabel="Saving…">
        Save
      </SubmitButton>
      <RowMessage state={state} />
        </>
      )}
    </ActionForm>
  );
}

/** The quiet red button that opens a member's confirmation. */
function DangerTrigger({ children, ...props }: ComponentProps<typeof Button>) {
  return (
    <Button size="sm" variant="ghost" className="text-destructive hover:text-destructive" {...props}>
      {children}
    </Button>
  );
}

export function RemoveMemberButton({ slug, userId, name, orgName }: { slug: string; userId: string; name: string; orgName: string }) {
  return (
    <ConfirmDialog
      trigger={<DangerTrigger>Remove</DangerTrigger>}
      title={`Remove ${name}?`}
      description={`${name} loses access to ${orgName} right away. You can invite them again later.`}
      confirmLabel="Remove member"
      pendingLabel="Removing…"
      action={removeMemberAction}
      fields={{ orgSlug: slug, userId }}
    />
  );
}

export function LeaveOrgButton({ slug, orgName }: { slug: string; orgName: string }) {
  return (
    <ConfirmDialog
      trigger={<DangerTrigger>Leave</DangerTrigger>}
      title={`Leave ${orgName}?`}
      description="You lose access right away; someone will need to invite you to come back. The last owner can't leave."
      confirmLabel="Leave organization"
      pendingLabel="Leaving…"
      action={leaveOrgAction}
      fields={{ orgSlug: slug }}
    />
  );
}

/** Resend and revoke of one pending invitation. */
export function InvitationActions({ slug, invitationId, email }: { slug: string; invitationId: string; email: string }) {
  return (
    <div className="flex flex-wrap items-start justify-end gap-1">
      <ActionForm action={resendInvitationAction} className="grid justify-items-end gap-1">
        {(state) => (
          <>
            <input type="hidden" name="orgSlug" value={slug} />
            <input type="hidden" name="invitationId" value={invitationId} />
            <SubmitButton size="sm" variant="ghost" aria-label={`Resend invitation to ${email}`} pendingLabel="Sending…">
              Resend
            </SubmitButton>
            <RowMessage state={state} />
          </>
        )}
      </ActionForm>
      <ActionForm action={revokeInvitationAction} className="grid justify-items-end gap-1">
        {(state) => (
          <>
            <input type="hidden" name="orgSlug" value={slug} />
            <input type="hidden" name="invitationId" value={invitationId} />
            <SubmitButton size="sm" variant="ghost" className="text-destructive hover:text-destructive" aria-label={`Revoke invitation to ${email}`} pendingLabel="Revoking…">
              Revoke
            </SubmitButton>
            <RowMessage state={state} />
          </>
        )}
      </ActionForm>
    </div>
  );
}

/** Make another member an owner, optionally stepping down to admin. */
export function TransferOwnershipForm({ slug, candidates }: { slug: string; candidates: { userId: string; label: string }[] }) {
  if (candidates.length === 0) return <p className="text-sm text-muted-foreground">Invite someone first: ownership can only go to another member.</p>;
  return (
    <ActionForm action={transferOwnershipAction} className="grid gap-4">
      {(state) => (
        <>
      <input type="hidden" name="orgSlug" value={slug} />
      <div className="grid gap-2">
        <Label htmlFor="transfer-user">New owner</Label>
        <select id="transfer-user" name="userId" className={cn(selectClass, "max-w-sm")}>
          {candidates.map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.label}
            </option>
          ))}
        </select>
        <FieldError errors={fieldErrorsOf(state, "userId")} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="demoteSelf" className="size-4 rounded border-input accent-primary" />
        Make me an admin afterwards
      </label>
      <FormMessage state={state} />
      <div>
        <SubmitButton variant="outline" pendingLabel="Transferring…">
          Transfer ownership
        </SubmitButton>
      </div>
        </>
      )}
    </ActionForm>
  );
}
