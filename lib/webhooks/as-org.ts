import type { TenantContext } from "@/db/tenant";

/** The tenant context of a webhook job: it acts for the organization, not as a person, so no user is set. */
export const asOrg = (orgId: string): TenantContext => ({ orgId, userId: "" });
