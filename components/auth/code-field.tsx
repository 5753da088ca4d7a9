"use client";

import type { ReactNode } from "react";
import { FormField } from "@/components/forms";

type Props = {
  label: ReactNode;
  errors?: string[];
  description?: ReactNode;
  autoFocus?: boolean;
  /** Only the app's 6 digits (setting two-factor up), or a recovery code too (signing in, turning it off). */
  digitsOnly?: boolean;
};

/** The one input for a two-factor code: named `code`, filled by the browser's one-time-code autofill, monospaced. */
export function CodeField({ label, errors, description, autoFocus, digitsOnly = false }: Props) {
  return (
    <FormField
      name="code"
      label={label}
      autoComplete="one-time-code"
      autoCapitalize="none"
      spellCheck={false}
      required
      autoFocus={autoFocus}
      {...(digitsOnly ? { inputMode: "numeric" as const, maxLength: 7 } : {})}
      className="[&_input]:font-mono [&_input]:tracking-widest"
      description={description}
      errors={errors}
    />
  );
}
