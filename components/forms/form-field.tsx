"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

type FormFieldProps = Omit<ComponentProps<typeof Input>, "id"> & {
  /** The form field name (also the key of its errors in `fields`). */
  name: string;
  label: ReactNode;
  /** Messages for this field, e.g. `state?.error.fields?.[name]`. */
  errors?: string[];
  /** A short hint under the input. */
  description?: ReactNode;
  id?: string;
};

/** A labelled input with its hint and field errors, wired with aria-invalid and aria-describedby. */
export function FormField({ name, label, errors, description, id, className, ...props }: FormFieldProps) {
  const autoId = useId();
  const inputId = id ?? `${name}-${autoId}`;
  const hintId = description ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("grid gap-2", className)}>
      <Label htmlFor={inputId}>{label}</Label>
      <Input id={inputId} name={name} aria-invalid={errorId ? true : undefined} aria-describedby={describedBy} {...props} />
      {description ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {description}
        </p>
      ) : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/** A field's error messages (renders nothing when there are none). */
export function FieldError({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-destructive">
      {errors.join(" ")}
    </p>
  );
}
