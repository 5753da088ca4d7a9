"use client";

import { Laptop, Smartphone } from "lucide-react";
import { ActionForm, FormMessage, SubmitButton } from "@/components/forms";
import { Badge } from "@/components/ui/badge";
import type { DeviceSession } from "@/lib/auth/sessions-list";
import { revokeOtherSessionsAction, revokeSessionAction } from "../actions";

const when = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

function ago(date: Date): string {
  const seconds = Math.round((new Date(date).getTime() - Date.now()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return "just now";
  if (abs < 3600) return when.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return when.format(Math.round(seconds / 3600), "hour");
  return when.format(Math.round(seconds / 86_400), "day");
}

function SessionRow({ session }: { session: DeviceSession }) {
  const Icon = session.os === "iOS" || session.os === "Android" ? Smartphone : Laptop;
  return (
    <li className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center" data-testid="session-row">
      <div className="flex min-w-0 flex-1 items-start gap-3">
        <span className="mt-0.5 flex size-9 shrink-0 items-center justify-center rounded-md bg-muted text-muted-foreground">
          <Icon className="size-4" aria-hidden />
        </span>
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
            {session.label}
            {session.current ? <Badge variant="secondary">This device</Badge> : null}
          </p>
          <p className="text-sm text-muted-foreground">
            {session.ip ?? "Unknown IP"} · {session.current ? "Active now" : `Last seen ${ago(session.lastSeenAt)}`}
          </p>
        </div>
      </div>
      {session.current ? null : (
        <ActionForm action={revokeSessionAction} className="grid justify-items-end gap-2">
          {(state) => (
            <>
              <input type="hidden" name="sessionId" value={session.id} />
              <SubmitButton variant="outline" size="sm" pendingLabel="Signing out…" aria-label={`Sign out ${session.label}`}>
                Sign out
              </SubmitButton>
              <FormMessage state={state} className="empty:hidden" />
            </>
          )}
        </ActionForm>
      )}
    </li>
  );
}

/** Every device signed in to the account, with per-session and "all others" sign-out. */
export function SessionsList({ sessions }: { sessions: DeviceSession[] }) {
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="grid gap-2">
      <ul className="divide-y">
        {sessions.map((s) => (
          <SessionRow key={s.id} session={s} />
        ))}
      </ul>
      {others === 0 ? <p className="text-sm text-muted-foreground">You&rsquo;re not signed in anywhere else.</p> : null}
      {others > 0 ? (
        <ActionForm action={revokeOtherSessionsAction} className="grid justify-items-start gap-3 pt-2">
          {(state) => (
            <>
              <FormMessage state={state} />
              <SubmitButton variant="outline" pendingLabel="Signing out…">
                Sign out of all other sessions
              </SubmitButton>
            </>
          )}
        </ActionForm>
      ) : null}
    </div>
  );
}
