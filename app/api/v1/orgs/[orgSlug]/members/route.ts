import { listMembersOperation } from "@/lib/api/v1/operations";
import { presentMember } from "@/lib/api/v1/present";
import { v1Route } from "@/lib/api/v1/v1-route";
import { listMembers } from "@/lib/orgs/list-members";

// GET /api/v1/orgs/{orgSlug}/members - the organization's members and their roles, owners first
export const GET = v1Route(listMembersOperation, async ({ tx, org }) => ({ members: (await listMembers(tx, org)).map(presentMember) }));
