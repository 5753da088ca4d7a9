import Link from "next/link";
import type { ReactNode } from "react";
import { SkipLink } from "@/components/skip-link";
import { ThemeToggle } from "@/components/theme-toggle";
import { TopBar } from "@/components/top-bar";
import { cn } from "@/lib/utils";
import { GuestActions } from "./guest-actions";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { navItems, type NavId } from "./nav-items";

/**
 * Sticky top bar of every marketing page; `current` marks the page the visitor is on, `actions` replaces the
 * sign-in and get-started buttons (the 404 shows a signed-in person the way to their app instead).
 */
export function SiteHeader({ current, actions = <GuestActions /> }: { current?: NavId; actions?: ReactNode }) {
  return (
    <>
      <SkipLink />
      <TopBar className="flex h-16 max-w-6xl items-center gap-6">
        <Logo />
        <nav aria-label="Main" className="hidden md:block">
          <ul className="flex items-center gap-1">
            {navItems.map((item) => (
              <li key={item.id}>
                <Link
                  href={item.href}
                  aria-current={current === item.id ? "page" : undefined}
                  className={cn(
                    "rounded-md px-3 py-2 text-sm text-muted-foreground transition-colors outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
                    "aria-[current=page]:font-medium aria-[current=page]:text-foreground",
                  )}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          <ThemeToggle />
          {actions}
          <MobileNav current={current} />
        </div>
      </TopBar>
    </>
  );
}
