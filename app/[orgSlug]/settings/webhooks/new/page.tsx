import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { orgPage } from "@/lib/org-page";
import { CreateEndpointForm } from "../_components/create-endpoint-form";
import { noWebhookAccess } from "../_components/no-access";

export const metadata: Metadata = { title: "Add webhook endpoint" };

/** Adds a webhook endpoint (webhooks:manage). */
export default orgPage({ permission: "webhooks:manage", noAccess: noWebhookAccess }, ({ org }) => (
    <div className="grid gap-4">
      <Link href={`/${org.slug}/settings/webhooks`} className="inline-flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring">
        <ChevronLeft className="size-4" aria-hidden /> Webhooks
      </Link>
      <Card>
        <CardHeader>
          <CardTitle>Add an endpoint</CardTitle>
          <CardDescription>Keel signs every request with a secret made for this endpoint, shown once after you add it.</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateEndpointForm slug={org.slug} />
        </CardContent>
      </Card>
    </div>
));
