"use client";

import { MobileMenu, MobileMenuLink } from "@/components/mobile-menu";
import { buttonVariants } from "@/components/ui/button";
import { Logo } from "./logo";
import { navItems, type NavId } from "./nav-items";

/** The marketing site's navigation below `md`, with the sign-up and sign-in buttons. */
export function MobileNav({ current }: { current?: NavId }) {
  return (
    <MobileMenu brand={<Logo />} description="Site navigation" headerClassName="h-16 sm:px-6">
      <nav aria-label="Main" className="px-4 pb-6 sm:px-6">
        <ul className="flex flex-col border-t py-2">
          {navItems.map((item) => (
            <li key={item.id}>
              <MobileMenuLink href={item.href} current={current === item.id}>
                {item.label}
              </MobileMenuLink>
            </li>
          ))}
        </ul>
        <div className="grid gap-2 border-t pt-4">
          <MobileMenuLink href="/sign-up" className={buttonVariants({ size: "lg" })}>
            Get started
          </MobileMenuLink>
          <MobileMenuLink href="/sign-in" className={buttonVariants({ size: "lg", variant: "outline" })}>
            Sign in
          </MobileMenuLink>
        </div>
      </nav>
    </MobileMenu>
  );
}
