"use server";

import { userAction } from "@/lib/action";
import { createOrg, createOrgSchema } from "@/lib/orgs/create-org";

export const createOrgAction = userAction(
  { schema: createOrgSchema, redirectTo: (org: { slug: string }) => `/${org.slug}/projects` },
  async ({ input, session }) => createOrg(session.user.id, input),
);
