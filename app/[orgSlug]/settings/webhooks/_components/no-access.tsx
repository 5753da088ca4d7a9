/** What someone without webhooks:manage sees instead of a webhooks page. */
export function NoWebhookAccess({ orgName }: { orgName: string }) {
  return (
    <div role="alert" className="rounded-xl border border-dashed px-6 py-12 text-center">
      <h2 className="text-lg font-semibold">You don&apos;t have access to webhooks</h2>
      <p className="mt-2 text-sm text-muted-foreground">Only owners and admins of {orgName} can manage its webhooks.</p>
    </div>
  );
}
