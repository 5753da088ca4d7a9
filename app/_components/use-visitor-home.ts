"use client";

import { useEffect, useState } from "react";
import type { VisitorHome } from "@/lib/auth/destinations";

// One request a page load however many components ask; a failure counts as signed out (the page still works).
let pending: Promise<VisitorHome> | undefined;
function load(): Promise<VisitorHome> {
  pending ??= fetch("/api/me/home", { credentials: "same-origin", cache: "no-store" })
    .then((response) => (response.ok ? (response.json() as Promise<VisitorHome>) : { signedIn: false as const }))
    .catch(() => ({ signedIn: false as const }));
  return pending;
}

/** Who is visiting a prerendered page (asked after load): undefined until known. */
export function useVisitorHome(): VisitorHome | undefined {
  const [visitor, setVisitor] = useState<VisitorHome>();
  useEffect(() => {
    let live = true;
    void load().then((v) => live && setVisitor(v));
    return () => {
      live = false;
    };
  }, []);
  return visitor;
}
