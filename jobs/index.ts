import { aggregateMetrics } from "./functions/aggregate-metrics";
import { cleanup } from "./functions/cleanup";
import { deleteAccount } from "./functions/delete-account";
import { deleteOrg } from "./functions/delete-org";
import { deliverWebhook } from "./functions/deliver-webhook";
import { exportAccountData } from "./functions/export-account-data";
import { fanOutWebhooks } from "./functions/fan-out-webhooks";
import { generateInvoicePdf } from "./functions/generate-invoice-pdf";
import { flushUsageJob } from "./functions/flush-usage";
import { outboxRelay } from "./functions/outbox-relay";
import { processStripeEvent } from "./functions/process-stripe-event";
import { reconcileBilling } from "./functions/reconcile-billing";
import { reconcileCustomer } from "./functions/reconcile-customer";
import { sendEmail } from "./functions/send-email";
import { syncSeats } from "./functions/sync-seats";

/** Every Inngest function Keel serves at /api/inngest. A function's `id` never changes once released. */
export const functions = [sendEmail, outboxRelay, cleanup, deleteOrg, exportAccountData, deleteAccount, fanOutWebhooks, deliverWebhook, processStripeEvent, generateInvoicePdf, reconcileBilling, reconcileCustomer, syncSeats, flushUsageJob, aggregateMetrics];
