"use client";

import { useId } from "react";
import { FieldError, FormField } from "@/components/forms";
import { Label } from "@/components/ui/label";
import type { FieldErrors } from "@/lib/errors";
import { cn } from "@/lib/utils";

/** The name and description inputs shared by the create and edit dialogs. */
export function ProjectFields({ defaults, errors }: { defaults?: { name?: string; description?: string }; errors?: FieldErrors }) {
  const id = useId();
  const descriptionId = `description-${id}`;
  const errorId = errors?.description?.length ? `${descriptionId}-error` : undefined;
  return (
    <div className="grid gap-4">
      <FormField name="name" label="Name" required maxLength={80} autoComplete="off" defaultValue={defaults?.name} errors={errors?.name} placeholder="Website redesign" />
      <div className="grid gap-2">
        <Label htmlFor={descriptionId}>
          Description <span className="font-normal text-muted-foreground">(optional)</span>
        </Label>
        <textarea
          id={descriptionId}
          name="description"
          rows={3}
          maxLength={500}
          defaultValue={defaults?.description}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={errorId}
          placeholder="What is this project about?"
          className={cn(
            "w-full min-w-0 resize-y rounded-md border border-input bg-transparent px-3 py-2 text-base shadow-xs transition-colors outline-none placeholder:text-muted-foreground md:text-sm",
            "focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
            "aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive",
          )}
        />
        <FieldError id={errorId} errors={errors?.description} />
      </div>
    </div>
  );
}
