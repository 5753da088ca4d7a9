"use client";

import { Menu, X } from "lucide-react";
import Link from "next/link";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Logo } from "./logo";
import { navItems, type NavId } from "./nav-items";

/**
 * The navigation below `md`: a modal panel from the top, so focus is trapped while it is open,
 * Escape closes it and focus returns to the menu button (unless a link moved the visitor on).
 */
export function MobileNav({ current }: { current?: NavId }) {
  const [open, setOpen] = useState(false);
  const navigated = useRef(false);
  const markNavigated = () => {
    navigated.current = true;
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) navigated.current = false;
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open menu">
          <Menu aria-hidden="true" />
        </Button>
      </DialogTrigger>
      <DialogContent
        showCloseButton={false}
        onCloseAutoFocus={(event) => {
          if (navigated.current) event.preventDefault();
        }}
        className="top-0 left-0 max-h-dvh max-w-none translate-x-0 translate-y-0 gap-0 rounded-none border-x-0 border-t-0 p-0 sm:max-w-none md:hidden"
      >
        <div className="flex h-16 items-center justify-between px-4 sm:px-6">
          <Logo />
          <DialogClose asChild>
            <Button variant="ghost" size="icon" aria-label="Close menu">
              <X aria-hidden="true" />
            </Button>
          </DialogClose>
        </div>
        <DialogTitle className="sr-only">Menu</DialogTitle>
        <DialogDescription className="sr-only">Site navigation</DialogDescription>
        <nav aria-label="Main" className="px-4 pb-6 sm:px-6">
          <ul className="flex flex-col border-t py-2">
            {navItems.map((item) => (
              <li key={item.id}>
                <DialogClose asChild>
                  <Link
                    href={item.href}
                    aria-current={current === item.id ? "page" : undefined}
                    onClick={markNavigated}
                    className="flex rounded-md px-2 py-3 text-base font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring aria-[current=page]:text-foreground"
                  >
                    {item.label}
                  </Link>
                </DialogClose>
              </li>
            ))}
          </ul>
          <div className="grid gap-2 border-t pt-4">
            <DialogClose asChild>
              <Button asChild size="lg">
                <Link href="/sign-up" onClick={markNavigated}>
                  Get started
                </Link>
              </Button>
            </DialogClose>
            <DialogClose asChild>
              <Button asChild size="lg" variant="outline">
                <Link href="/sign-in" onClick={markNavigated}>
                  Sign in
                </Link>
              </Button>
            </DialogClose>
          </div>
        </nav>
      </DialogContent>
    </Dialog>
  );
}
