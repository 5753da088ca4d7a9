import { cleanup } from "./functions/cleanup";
import { outboxRelay } from "./functions/outbox-relay";
import { sendEmail } from "./functions/send-email";

/** Every Inngest function Keel serves at /api/inngest. A function's `id` never changes once released. */
export const functions = [sendEmail, outboxRelay, cleanup];
