"use client";

import { Search, X } from "lucide-react";
import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Whether a project matches a filter: every word of it, in the name or the description, ignoring case. */
export function matchesFilter(project: { name: string; description: string }, filter: string): boolean {
  const text = `${project.name} ${project.description}`.toLowerCase();
  return filter.toLowerCase().split(/\s+/).filter(Boolean).every((word) => text.includes(word));
}

/**
 * The beta filter box above the projects list (the `projects.quick_filter` flag): narrows the list as you type,
 * and says how many projects it shows to screen readers too.
 */
export function ProjectQuickFilter({ value, onChange, shown, total }: { value: string; onChange: (value: string) => void; shown: number; total: number }) {
  const id = useId();
  return (
    <div className="grid gap-2">
      <div className="flex items-center gap-2">
        <Label htmlFor={id}>Filter projects</Label>
        <Badge variant="secondary">Beta</Badge>
      </div>
      <div className="relative sm:max-w-sm">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
        <Input
          id={id}
          type="search"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape" && value) onChange("");
          }}
          placeholder="Name or description"
          autoComplete="off"
          aria-describedby={`${id}-count`}
          className="pr-9 pl-9 [&::-webkit-search-cancel-button]:hidden"
        />
        {value ? (
          <Button type="button" variant="ghost" size="icon" onClick={() => onChange("")} aria-label="Clear the filter" className="absolute top-1/2 right-0.5 size-8 -translate-y-1/2">
            <X aria-hidden />
          </Button>
        ) : null}
      </div>
      <p id={`${id}-count`} aria-live="polite" className="text-xs text-muted-foreground">
        {value.trim() ? `Showing ${shown} of ${total} ${total === 1 ? "project" : "projects"}` : ""}
      </p>
    </div>
  );
}
