import type { ReactElement } from "react";
import type { z } from "zod";

/** Everything about one email: the props it takes, its subject, its body, and props to preview and test it with. */
export type TemplateDefinition<S extends z.ZodType> = {
  schema: S;
  subject: (props: z.output<S>) => string;
  component: (props: z.output<S>) => ReactElement;
  /** Realistic props: the render test renders every template with them, as a developer previewing it would. */
  preview: z.input<S>;
};

/** Ties a template's schema to its subject, component and preview at the type level, so a prop rename can't drift. */
export function defineTemplate<S extends z.ZodType>(definition: TemplateDefinition<S>): TemplateDefinition<S> {
  return definition;
}
