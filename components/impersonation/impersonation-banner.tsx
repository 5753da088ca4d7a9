import { UserRoundCog } from "lucide-react";
import type { Session } from "@/lib/auth/session";
import { StopImpersonatingButton } from "./stop-impersonating-button";

/**
 * Shown at the top of every signed-in page while a platform admin is signed in as someone else: who they are
 * acting as, and the way back. Amber in both themes, with text that keeps its contrast in each.
 */
export function ImpersonationBanner({ session }: { session: Pick<Session, "user" | "impersonator"> }) {
  if (!session.impersonator) return null;
  const who = session.user.name ? `${session.user.name} (${session.user.email})` : session.user.email;
  return (
    <div role="region" aria-label="Impersonation" className="border-b border-amber-300 bg-amber-100 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm sm:px-6 lg:px-8">
        <UserRoundCog className="size-4 shrink-0" aria-hidden />
        <p className="min-w-0 flex-1">
          You are signed in as <strong className="font-semibold break-all">{who}</strong> (impersonating, as {session.impersonator.email}).
        </p>
        <StopImpersonatingButton />
      </div>
    </div>
  );
}
