"use server";

import { z } from "zod";
import { publicAction } from "@/lib/action";
import { stopImpersonation } from "@/lib/admin/impersonation";
import { getSession } from "@/lib/auth/session";

/**
 * "Stop impersonating", from the banner: back to the admin's own session and the person's admin page. Not an admin
 * action: the caller is the impersonation session, which never carries platform admin.
 */
export const stopImpersonatingAction = publicAction({ schema: z.object({}), redirectTo: (to: string) => to }, async () => stopImpersonation(await getSession()));
