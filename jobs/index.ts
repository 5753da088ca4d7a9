import { cleanup } from "./functions/cleanup";
import { deleteAccount } from "./functions/delete-account";
import { deleteOrg } from "./functions/delete-org";
import { deliverWebhook } from "./functions/deliver-webhook";
import { exportAccountData } from "./functions/export-account-data";
import { fanOutWebhooks } from "./functions/fan-out-webhooks";
import { flushUsageJob } from "./functions/flush-usage";
import { outboxRelay } from "./functions/outbox-relay";
import { sendEmail } from "./functions/send-email";

/** Every Inngest function Keel serves at /api/inngest. A function's `id` never changes once released. */
export const functions = [sendEmail, outboxRelay, cleanup, deleteOrg, exportAccountData, deleteAccount, fanOutWebhooks, deliverWebhook, flushUsageJob];
