import type { ReactNode } from "react";
import { withSystem, type Tx } from "@/db/tenant";
import type { Session } from "@/lib/auth/session";
import { requireAdmin } from "./require-admin";

type SearchParams = Record<string, string | string[] | undefined>;

/** What an admin page knows about its request. */
export type AdminPageContext<P> = { session: Session; params: P; searchParams: SearchParams };

/**
 * An admin page in Keel's one shape, the admin twin of `orgPage()`: the caller must be a platform admin (anyone else
 * gets the 404 page), `load` reads across organizations in one `withSystem` transaction named for the page, then
 * `render` runs outside it. A new admin page written this way cannot forget the check.
 *
 *     export default adminPage({ name: "users", load: (tx, { searchParams }) => listUsers(tx, searchParams) }, ({ data }) => …);
 */
export function adminPage<T = undefined, P = Record<string, never>>(
  options: { /** Logged as the reason for reading around RLS. */ name: string; load?: (tx: Tx, ctx: AdminPageContext<P>) => Promise<T> },
  render: (ctx: AdminPageContext<P> & { data: T }) => ReactNode | Promise<ReactNode>,
) {
  return async function AdminPage(props: { params: Promise<P>; searchParams: Promise<SearchParams> }): Promise<ReactNode> {
    const session = await requireAdmin();
    const [params, searchParams] = await Promise.all([props.params, props.searchParams]);
    const ctx = { session, params, searchParams };
    const data = options.load ? await withSystem(`admin page: ${options.name}`, (tx) => options.load!(tx, ctx)) : (undefined as T);
    return render({ ...ctx, data });
  };
}
