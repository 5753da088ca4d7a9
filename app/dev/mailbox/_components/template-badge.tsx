import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

/** The template an email was rendered from, in monospace so it reads as the identifier it is. */
export function TemplateBadge({ template, className }: { template: string | null; className?: string }) {
  return (
    <Badge variant="secondary" className={cn("font-mono text-[11px] font-normal", className)}>
      {template ?? "no template"}
    </Badge>
  );
}
