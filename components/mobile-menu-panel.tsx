"use client";

import { X } from "lucide-react";
import { useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { cn } from "@/lib/utils";
import { MenuButton, MobileMenuContext } from "./mobile-menu";

/**
 * The open menu (Radix's dialog), loaded by `MobileMenu` when first pressed, so it starts open: a modal panel from
 * the top, focus trapped while it is open, Escape closes it, and focus returns to the menu button unless a link
 * moved the visitor on.
 */
export function MobileMenuPanel({ brand, description, headerClassName, children }: { brand: ReactNode; description: string; headerClassName?: string; children: ReactNode }) {
  const [open, setOpen] = useState(true);
  const navigated = useRef(false);
  const context = { navigated: () => void ((navigated.current = true), setOpen(false)) };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) navigated.current = false;
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <MenuButton />
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
        <MobileMenuContext.Provider value={context}>{children}</MobileMenuContext.Provider>
      </DialogContent>
    </Dialog>
  );
}
