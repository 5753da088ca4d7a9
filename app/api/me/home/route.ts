// GET /api/me/home - whether the caller is signed in and where their app starts: the static 404 page asks after
// load, so a signed-in visitor gets a way back to their organization while the page itself stays prerendered.
import { homeDestination, type VisitorHome } from "@/lib/auth/destinations";
import { getRequestSession } from "@/lib/auth/session";
import { route } from "@/lib/route";

export const GET = route({}, async ({ request }): Promise<VisitorHome> => {
  const session = await getRequestSession(request);
  if (!session) return { signedIn: false };
  return { signedIn: true, name: session.user.name ?? session.user.email, home: await homeDestination(session.user.id) };
});
