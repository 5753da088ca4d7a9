"use client";

import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Shown when loading the projects failed: says so without internals, with a way to try again. */
export default function ProjectsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="flex flex-col items-center rounded-xl border border-dashed px-6 py-16 text-center">
      <div className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive">
        <TriangleAlert className="size-6" aria-hidden />
      </div>
      <h1 className="mt-4 text-lg font-semibold">We couldn&apos;t load the projects</h1>
      <p className="mt-2 max-w-md text-sm text-muted-foreground">
        Something went wrong on our side. Try again in a moment; if it keeps happening, contact support
        {error.digest ? (
          <>
            {" "}
            and mention reference <code className="font-mono text-xs">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <Button onClick={reset} className="mt-6">
        Try again
      </Button>
    </div>
  );
}
