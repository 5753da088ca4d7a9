import { NoAccess } from "@/components/no-access";

/** What someone without webhooks:manage sees instead of a webhooks page. */
export const noWebhookAccess = (org: { name: string }) => (
  <NoAccess title="You don't have access to webhooks">Only owners and admins of {org.name} can manage its webhooks.</NoAccess>
);
