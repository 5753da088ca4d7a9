// What the /dev/mailbox pages read: the dev mailbox's rows, through the public queries of its platform table.
export { getDevEmail, listDevEmails, type DevEmailPage, type DevEmailSummary } from "@/db/queries/dev-emails";
