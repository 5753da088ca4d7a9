"use client";

import { FieldError, FormField } from "@/components/forms";
import { webhookEventTypes, type WebhookEventType } from "@/lib/webhooks/event-types";

type Props = {
  defaults?: { url: string; description: string; eventTypes: string[] };
  errors?: Record<string, string[]>;
  /** Prefix for element ids, so two forms on one page never share one. */
  idPrefix: string;
};

const groups: Array<{ label: string; types: WebhookEventType[] }> = [
  { label: "Projects", types: ["project.created", "project.updated", "project.deleted"] },
  { label: "Members", types: ["member.added", "member.removed", "member.role_changed"] },
  { label: "Billing", types: ["subscription.updated"] },
];

/** An endpoint's URL, description and subscribed events: the fields of the create and edit forms. */
export function EndpointFields({ defaults, errors, idPrefix }: Props) {
  const chosen = new Set(defaults?.eventTypes ?? Object.keys(webhookEventTypes));
  return (
    <div className="grid gap-5">
      <FormField
        id={`${idPrefix}-url`}
        name="url"
        label="Endpoint URL"
        type="url"
        inputMode="url"
        placeholder="https://example.com/webhooks/keel"
        defaultValue={defaults?.url}
        required
        autoComplete="off"
        spellCheck={false}
        description="Keel POSTs each event here as JSON. Public https addresses only."
        errors={errors?.url}
      />
      <FormField
        id={`${idPrefix}-description`}
        name="description"
        label={
          <>
            Description <span className="font-normal text-muted-foreground">(optional)</span>
          </>
        }
        placeholder="Production CRM sync"
        defaultValue={defaults?.description}
        maxLength={200}
        errors={errors?.description}
      />
      <fieldset className="grid gap-3" aria-describedby={errors?.eventTypes ? `${idPrefix}-events-error` : undefined}>
        <legend className="mb-1 text-sm font-medium">Events to send</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {groups.map((group) => (
            <div key={group.label} className="grid content-start gap-2">
              <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{group.label}</p>
              {group.types.map((type) => (
                <label key={type} className="flex items-start gap-2 text-sm" title={webhookEventTypes[type]}>
                  <input
                    type="checkbox"
                    name="eventTypes"
                    value={type}
                    defaultChecked={chosen.has(type)}
                    className="mt-0.5 size-4 shrink-0 rounded border-input accent-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
                  />
                  <span>
                    <span className="font-mono text-xs">{type}</span>
                    <span className="block text-xs text-muted-foreground">{webhookEventTypes[type]}</span>
                  </span>
                </label>
              ))}
            </div>
          ))}
        </div>
        <FieldError id={`${idPrefix}-events-error`} errors={errors?.eventTypes} />
      </fieldset>
    </div>
  );
}
