import { Inngest } from "inngest";
import { log } from "@/lib/log";
import { RequestContextMiddleware } from "./request-context-middleware";

/**
 * The one Inngest client. Production: Inngest Cloud or self-hosted, by INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY.
 * Development: INNGEST_DEV=<url> points it at Keel's dev executor (or the inngest-cli dev server, a drop-in).
 */
export const inngest = new Inngest({
  id: "keel",
  logger: log,
  middleware: [RequestContextMiddleware],
});
