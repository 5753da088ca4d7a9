"use client";

import { Inbox, ListChecks } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { isCurrent } from "@/components/nav-link";
import { cn } from "@/lib/utils";

const items = [
  { href: "/dev/mailbox", label: "Mailbox", Icon: Inbox },
  { href: "/dev/jobs", label: "Jobs", Icon: ListChecks },
] as const;

/** The dev tools' tabs; the current section is marked for screen readers and drawn underlined. */
export function DevNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Dev tools" className="-mb-px flex gap-1 overflow-x-auto">
      {items.map(({ href, label, Icon }) => (
        <Link
          key={href}
          href={href}
          aria-current={isCurrent(pathname, href) ? "page" : undefined}
          className={cn(
            "inline-flex items-center gap-2 rounded-t-md border-b-2 border-transparent px-3 py-2.5 text-sm text-muted-foreground transition-colors outline-none",
            "hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset",
            "aria-[current=page]:border-primary aria-[current=page]:font-medium aria-[current=page]:text-foreground",
          )}
        >
          <Icon aria-hidden="true" className="size-4" />
          {label}
        </Link>
      ))}
    </nav>
  );
}
