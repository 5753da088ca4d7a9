// The one mapping from internal events to public webhooks: what is published, in which shape, and nothing else.
import { describe, expect, it } from "vitest";
import { fanOutWebhooks } from "@/jobs/functions/fan-out-webhooks";
import { subscriptionData, toWebhookEvent, webhookEventTypes, webhookSources } from "./event-catalog";

const orgId = "00000000-0000-4000-8000-000000000001";
const at = new Date("2026-01-02T03:04:05.000Z");

describe("webhook event catalog", () => {
  it("publishes a project change as its public type with the documented fields only", () => {
    const project = { id: "00000000-0000-4000-8000-0000000000aa", name: "Site", description: "", createdAt: at.toISOString(), updatedAt: at.toISOString() };
    const event = toWebhookEvent("org/project.changed", { orgId, actorId: null, requestId: "r", projectId: project.id, change: "deleted", project, internalOnly: "x" }, orgId, at);
    expect(event?.type).toBe("project.deleted");
    expect(JSON.parse(event!.payload)).toEqual({ type: "project.deleted", timestamp: at.toISOString(), organizationId: orgId, data: project });
  });

  it("publishes nothing for an internal event without a public counterpart", () => {
    expect(toWebhookEvent("email/send.requested", { orgId, actorId: null, requestId: "r" }, orgId, at)).toBeNull();
  });

  it("maps billing's subscription data to the public shape", () => {
    expect(subscriptionData({ plan: "pro", status: "active", seats: 3, currentPeriodEnd: at, cancelAtPeriodEnd: false })).toEqual({
      plan: "pro",
      status: "active",
      seats: 3,
      currentPeriodEnd: at.toISOString(),
      cancelAtPeriodEnd: false,
    });
  });

  it("triggers the fan-out job on exactly the mapped events, whose public types are all in the catalog", () => {
    const triggers = (fanOutWebhooks as unknown as { opts: { triggers: Array<{ event: unknown }> } }).opts.triggers.map((t) => (typeof t.event === "string" ? t.event : (t.event as { name: string }).name));
    expect(triggers.sort()).toEqual(webhookSources.map((s) => s.event.name).sort());
    for (const type of ["project.created", "project.updated", "project.deleted", "member.added", "member.removed", "member.role_changed"]) expect(webhookEventTypes).toHaveProperty([type]);
  });
});
