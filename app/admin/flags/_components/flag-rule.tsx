import { Badge } from "@/components/ui/badge";
import { planById } from "@/lib/plans";

/** A flag's rule at a glance: default, rollout, plans. Shared by the list and the flag's page. */
export function FlagRule({ defaultEnabled, rolloutPercent, plans }: { defaultEnabled: boolean; rolloutPercent: number; plans: string[] }) {
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Rule">
      <li>
        <Badge variant={defaultEnabled ? "default" : "outline"}>Default {defaultEnabled ? "on" : "off"}</Badge>
      </li>
      <li>
        <Badge variant={rolloutPercent > 0 ? "secondary" : "outline"}>Rollout {rolloutPercent}%</Badge>
      </li>
      <li>
        <Badge variant={plans.length > 0 ? "secondary" : "outline"}>{plans.length > 0 ? `Only ${plans.map((p) => planById(p).name).join(", ")}` : "All plans"}</Badge>
      </li>
    </ul>
  );
}
