import type { z } from "zod";
import { orgRoute, type OrgRouteContext, type RouteContext } from "@/lib/route";
import type { Operation } from "./operations";

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type BodyOf<O> = O extends { body: infer B extends z.ZodType } ? B : undefined;
type QueryOf<O> = O extends { query: infer Q extends z.ZodType } ? Q : undefined;

/**
 * A route handler of the public API, built from its documented operation: it parses exactly the query and body
 * the OpenAPI document describes and needs exactly its permission (the rest is `orgRoute`).
 *
 *     export const GET = v1Route(listProjectsOperation, ({ tx, query }) => …);
 */
export function v1Route<O extends Operation>(
  operation: O,
  handler: (ctx: RouteContext<Out<BodyOf<O>>, Out<QueryOf<O>>> & OrgRouteContext) => Promise<unknown>,
) {
  const inputs = { body: operation.body as BodyOf<O>, query: operation.query as QueryOf<O>, permission: operation.permission };
  return orgRoute<BodyOf<O>, QueryOf<O>>(inputs, handler);
}
