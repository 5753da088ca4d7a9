import { Badge } from "@/components/ui/badge";

/** Admin and disabled marks of a person (nothing for an ordinary, active account). */
export function UserBadges({ isPlatformAdmin, disabled }: { isPlatformAdmin: boolean; disabled: boolean }) {
  return (
    <span className="flex flex-wrap gap-1">
      {disabled ? <Badge variant="destructive">Disabled</Badge> : <Badge variant="secondary">Active</Badge>}
      {isPlatformAdmin ? <Badge variant="outline">Platform admin</Badge> : null}
    </span>
  );
}
