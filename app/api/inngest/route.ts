// GET, POST, PUT /api/inngest - Inngest's serve endpoint: sync and function execution.
// In dev mode (unsigned) it answers only this machine; production refuses to start in dev mode (lib/env.ts).
import { serve } from "inngest/next";
import { inngest } from "@/jobs/client";
import { functions } from "@/jobs";
import { guardInngestEndpoint } from "@/lib/dev/dev-tools";

export const { GET, POST, PUT } = guardInngestEndpoint(serve({ client: inngest, functions }), () => inngest.mode === "dev");
