"use client";

import { Menu, X } from "lucide-react";
import Link from "next/link";
import { createContext, useContext, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { cn } from "@/lib/utils";

const Navigated = createContext<() => void>(() => {});

/**
 * The menu below `md` of the marketing site and of the app: a modal panel from the top, so focus is trapped while
 * it is open, Escape closes it, and focus returns to the menu button unless a link moved the visitor on.
 * `headerClassName` matches the panel's top row to the bar it opens from.
 */
export function MobileMenu({ brand, description, headerClassName, children }: { brand: ReactNode; description: string; headerClassName?: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const navigated = useRef(false);
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
        className="top-0 left-0 max-h-dvh max-w-none translate-x-0 translate-y-0 gap-0 overflow-y-auto rounded-none border-x-0 border-t-0 p-0 sm:max-w-none md:hidden"
      >
        <div className={cn("flex h-14 items-center justify-between px-4", headerClassName)}>
          {brand}
          <DialogClose asChild>
            <Button variant="ghost" size="icon" aria-label="Close menu">
              <X aria-hidden="true" />
            </Button>
          </DialogClose>
        </div>
        <DialogTitle className="sr-only">Menu</DialogTitle>
        <DialogDescription className="sr-only">{description}</DialogDescription>
        <Navigated.Provider value={() => void (navigated.current = true)}>{children}</Navigated.Provider>
      </DialogContent>
    </Dialog>
  );
}

/** The menu's link look: large, muted until hovered or current. */
export const mobileMenuLinkClass =
  "flex items-center gap-2 rounded-md px-2 py-3 text-base font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring aria-[current=page]:text-foreground";

/** A link in the menu: following it closes the menu and leaves focus where the new page puts it. */
export function MobileMenuLink({ href, current, className, children }: { href: string; current?: boolean; className?: string; children: ReactNode }) {
  const markNavigated = useContext(Navigated);
  return (
    <DialogClose asChild>
      <Link href={href} aria-current={current ? "page" : undefined} onClick={markNavigated} className={className ?? mobileMenuLinkClass}>
        {children}
      </Link>
    </DialogClose>
  );
}
