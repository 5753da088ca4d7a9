import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** Keel's mark: a hull over its keel, drawn in the theme's primary colour. */
export function KeelMark({ className, ...props }: ComponentProps<"svg">) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={cn("size-6", className)} {...props}>
      <rect width="32" height="32" rx="8" className="fill-primary" />
      <path d="M6.5 12.5h19l-3.6 7.2a2 2 0 0 1-1.8 1.1h-8.2a2 2 0 0 1-1.8-1.1z" className="fill-primary-foreground" />
      <path d="M14.6 20.8h2.8l-.9 5.2h-1z" className="fill-primary-foreground" />
      <path d="M16 5.5v5.5h5z" className="fill-primary-foreground" opacity=".7" />
    </svg>
  );
}

/** The wordmark, linking home. */
export function Logo({ className }: { className?: string }) {
  return (
    <Link
      href="/"
      className={cn(
        "inline-flex items-center gap-2 rounded-md text-[17px] font-semibold tracking-tight outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-4 focus-visible:ring-offset-background",
        className,
      )}
    >
      <KeelMark />
      <span>Keel</span>
      <span className="sr-only">, home</span>
    </Link>
  );
}
