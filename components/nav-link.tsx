"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** Whether `pathname` is the page `href` leads to or inside that section. */
export function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

const variants = {
  /** Tabs in a row on small screens that become a side column from `md` up: the hover is a soft background. */
  side: "block whitespace-nowrap hover:bg-accent/60",
  /** Sections in a horizontal top bar: the hover only darkens the text. */
  bar: "",
} as const;

/**
 * A link in a section navigation, marked `aria-current="page"` (and drawn highlighted) when the
 * current path is `href` — or, unless `exact`, a page inside it.
 */
export function NavLink({
  href,
  exact = false,
  variant,
  children,
}: {
  href: string;
  exact?: boolean;
  variant: keyof typeof variants;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const current = exact ? pathname === href : isCurrent(pathname, href);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn(
        "rounded-md px-3 py-2 text-sm text-muted-foreground transition-colors outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
        "aria-[current=page]:bg-accent aria-[current=page]:font-medium aria-[current=page]:text-foreground",
        variants[variant],
      )}
    >
      {children}
    </Link>
  );
}
