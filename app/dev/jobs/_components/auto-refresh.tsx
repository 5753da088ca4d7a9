"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Label } from "@/components/ui/label";

/** Re-renders the page every few seconds while the box is ticked, so new runs show up without a reload. */
export function AutoRefresh({ intervalMs = 2_000 }: { intervalMs?: number }) {
  const router = useRouter();
  const [on, setOn] = useState(true);

  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [on, intervalMs, router]);

  return (
    <div className="flex items-center gap-2 text-sm">
      <input
        id="auto-refresh"
        type="checkbox"
        checked={on}
        onChange={(e) => setOn(e.target.checked)}
        className="size-4 rounded border-input accent-primary focus-visible:ring-2 focus-visible:ring-ring"
      />
      <Label htmlFor="auto-refresh" className="font-normal text-muted-foreground">
        Refresh automatically
      </Label>
    </div>
  );
}
