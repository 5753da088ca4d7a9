"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicAction } from "@/lib/action";
import { requireDevTools } from "@/lib/dev/dev-tools";
import { replayJobRun, runJobNow } from "@/lib/dev/job-runs";

// An event function's payload as typed in /dev/jobs: a JSON object, or empty for a cron function.
const payloadSchema = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (!raw?.trim()) return undefined;
    try {
      const value: unknown = JSON.parse(raw);
      if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: "custom", message: "Enter the event's data as a JSON object, e.g. {\"orgId\": null}." });
    return z.NEVER;
  });

const runJobNowSchema = z.object({ functionId: z.string().min(1), data: payloadSchema });
const replayJobRunSchema = z.object({ runId: z.string().min(1) });

// Dev tools only (development, or the end-to-end server, from this machine): everyone else gets not_found.

/** Runs one function now: a cron function as its schedule would, an event function with the payload given. */
export const runJobNowAction = publicAction({ schema: runJobNowSchema, successMessage: "Run started." }, async ({ input }) => {
  requireDevTools();
  const started = await runJobNow(input.functionId, input.data);
  revalidatePath("/dev/jobs");
  return started;
});

/** Runs a finished run's function again with the same event. */
export const replayJobRunAction = publicAction({ schema: replayJobRunSchema, successMessage: "Replay started." }, async ({ input }) => {
  requireDevTools();
  const started = await replayJobRun(input.runId);
  revalidatePath("/dev/jobs");
  return started;
});
