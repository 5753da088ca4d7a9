import { formatMoney } from "@/lib/billing/money";

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dateOnly = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** A time as the admin console prints it (UTC), or an em dash. */
export const formatWhen = (value: Date | string | null | undefined) => (value ? `${dateTime.format(new Date(value))} UTC` : "—");

/** A date as the admin console prints it (UTC), or an em dash. */
export const formatDay = (value: Date | string | null | undefined) => (value ? dateOnly.format(new Date(value)) : "—");

/** Monthly recurring revenue in dollars. */
export const formatMrr = (cents: number) => formatMoney(cents, "usd");
