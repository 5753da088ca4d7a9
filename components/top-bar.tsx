import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * The sticky, translucent bar at the top of a page. `className` lays out the centred inner row
 * (its max width, height and gaps); the horizontal padding is the same everywhere.
 */
export function TopBar({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <header className="sticky top-0 z-40 border-b border-border/70 bg-background/80 backdrop-blur-md supports-[backdrop-filter]:bg-background/70">
      <div className={cn("mx-auto px-4 sm:px-6 lg:px-8", className)}>{children}</div>
    </header>
  );
}
