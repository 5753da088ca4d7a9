import { Badge } from "@/components/ui/badge";
import type { DeliveryStatus } from "@/db/schema";
import { cn } from "@/lib/utils";

const dot = "size-1.5 rounded-full";

/** An endpoint's state: on, off by someone, or off because it kept failing; on but failing shows as such. */
export function EndpointStatus({ enabled, disabledReason, failingSince }: { enabled: boolean; disabledReason: string | null; failingSince: Date | null }) {
  if (!enabled) {
    return (
      <Badge variant={disabledReason === "failing" ? "destructive" : "secondary"}>
        {disabledReason === "failing" ? "Disabled: kept failing" : "Disabled"}
      </Badge>
    );
  }
  return (
    <Badge variant="outline" className={failingSince ? "border-amber-500/50 text-amber-700 dark:text-amber-400" : undefined}>
      <span aria-hidden className={cn(dot, failingSince ? "bg-amber-500" : "bg-success")} />
      {failingSince ? "Failing" : "Enabled"}
    </Badge>
  );
}

const deliveryLabels: Record<DeliveryStatus, string> = { pending: "Sending", retrying: "Retrying", succeeded: "Delivered", failed: "Failed" };

/** A delivery's state in the log. */
export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const tone = { pending: "bg-muted-foreground", retrying: "bg-amber-500", succeeded: "bg-success", failed: "bg-destructive" }[status];
  return (
    <Badge variant={status === "failed" ? "destructive" : "outline"}>
      {status === "failed" ? null : <span aria-hidden className={cn(dot, tone)} />}
      {deliveryLabels[status]}
    </Badge>
  );
}
