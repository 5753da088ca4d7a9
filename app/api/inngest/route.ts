// GET, POST, PUT /api/inngest - Inngest's serve endpoint: sync and function execution.
import { serve } from "inngest/next";
import { inngest } from "@/jobs/client";
import { functions } from "@/jobs";

export const { GET, POST, PUT } = serve({ client: inngest, functions });
