import { notFound, redirect } from "next/navigation";
import { cache as perRequest, type ReactNode } from "react";
import { withTenant, type Tx } from "@/db/tenant";
import { requireSession, type Session } from "./auth/session";
import { isAppPath } from "./app-paths";
import { AppError } from "./errors";
import { TWO_FACTOR_REQUIRED, inOrg, userPrincipal } from "./orgs/in-org";
import type { OrgContext } from "./orgs/membership";
import { can, type Permission } from "./orgs/permissions";

type SearchParams = Record<string, string | string[] | undefined>;

/** What an organization page knows about its request. */
export type OrgPageContext<P> = { session: Session; org: OrgContext; params: P; searchParams: SearchParams };

/**
 * The signed-in caller and their organization, for a page or layout under `/{orgSlug}`: a signed-out visitor goes to
 * sign-in and back, a non-member gets the 404 page (as `inOrg` decides for actions and routes), a member who lacks
 * the two-factor authentication their organization requires goes to set it up. Once per request,
 * however many layouts and pages ask.
 */
export const requireOrg = perRequest(async (slug: string): Promise<{ session: Session; org: OrgContext }> => {
  // A path that can't be an organization (`/Robots.TXT`) is a 404 for everyone, never a sign-in page.
  if (!isAppPath(`/${slug}`)) notFound();
  const session = await requireSession();
  try {
    return { session, org: await inOrg(userPrincipal(session), slug) };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    // A member of an organization that requires two-factor, without it, is sent to set it up.
    if (err instanceof AppError && err.message === TWO_FACTOR_REQUIRED) redirect(`/account/security?required=${encodeURIComponent(slug)}#two-factor`);
    throw err;
  }
});

type Access = { permission?: undefined } | { permission: Permission; /** Shown instead of the page to a member without it. */ noAccess: (org: OrgContext) => ReactNode };

/**
 * An organization page in Keel's one shape, the page twin of `action()`: resolve the caller and organization
 * (`requireOrg`), check `permission` (a member without it sees `noAccess`), run `load` inside one `withTenant`
 * transaction (reads through lib/ only: no cache or network call in it), then `render` outside it with the data.
 *
 *     export default orgPage({ permission: "projects:read", noAccess, load: (tx) => listProjects(tx) }, ({ org, data }) => …);
 */
export function orgPage<T = undefined, P extends { orgSlug: string } = { orgSlug: string }>(
  options: Access & { load?: (tx: Tx, ctx: OrgPageContext<P>) => Promise<T> },
  render: (ctx: OrgPageContext<P> & { data: T }) => ReactNode | Promise<ReactNode>,
) {
  return async function OrgPage(props: { params: Promise<P>; searchParams: Promise<SearchParams> }): Promise<ReactNode> {
    const [params, searchParams] = await Promise.all([props.params, props.searchParams]);
    const { session, org } = await requireOrg(params.orgSlug);
    if (options.permission && !can(org.role, options.permission)) return options.noAccess(org);
    const ctx = { session, org, params, searchParams };
    const data = options.load ? await withTenant({ orgId: org.orgId, userId: org.userId }, (tx) => options.load!(tx, ctx)) : (undefined as T);
    return render({ ...ctx, data });
  };
}
