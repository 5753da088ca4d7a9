import { NextResponse } from "next/server";
import { homePath } from "@/lib/auth/destinations";
import { getRequestSession } from "@/lib/auth/session";

// GET /sign-in/continue - where magic-link and OAuth sign-ins land: the person's first organization (or /new).
export async function GET(request: Request) {
  const session = await getRequestSession(request);
  const to = session ? await homePath(session.user.id) : "/sign-in";
  return NextResponse.redirect(new URL(to, request.url));
}
