import { notFound } from "next/navigation";
import { cache as perRequest } from "react";
import { getSession, type Session } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/**
 * The platform admin of this request, for admin pages and layouts: anyone else (signed out included) gets the 404
 * page, so the console's existence is nothing a stranger can probe. Once per request.
 */
export const requireAdmin = perRequest(async (): Promise<Session> => {
  const session = await getSession();
  if (!session?.user.isPlatformAdmin) notFound();
  return session;
});

/** The same check for actions and route handlers, which answer with the one error shape: not_found. */
export function assertAdmin(session: Session | null): asserts session is Session {
  if (!session?.user.isPlatformAdmin) throw new AppError("not_found", "Not found.");
}
