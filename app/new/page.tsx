import type { Metadata } from "next";
import Link from "next/link";
import { CenteredPage } from "@/components/centered-page";
import { ImpersonationBanner } from "@/components/impersonation/impersonation-banner";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { requireSession } from "@/lib/auth/session";
import { myOrgs } from "@/lib/orgs/membership";
import { CreateOrgForm } from "./create-org-form";
import { appUrl } from "@/lib/env";

export const metadata: Metadata = { title: "Create organization" };

/** Create an organization; the creator becomes its owner. */
export default async function NewOrgPage() {
  const session = await requireSession();
  const orgs = await myOrgs(session.user.id);
  const origin = appUrl();
  const back = orgs[0];
  return (
    <>
      <ImpersonationBanner session={session} />
      <CenteredPage width="md">
        <Card>
          <CardHeader>
            <CardTitle className="text-xl">Create an organization</CardTitle>
            <CardDescription>
              Organizations hold your projects and the people you work with.
              You&apos;ll be its owner.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <CreateOrgForm origin={origin} />
            {back ? (
              <p className="text-center text-sm text-muted-foreground">
                or go back to{" "}
                <Link
                  href={`/${back.slug}/projects`}
                  className="font-medium text-foreground underline-offset-4 hover:underline"
                >
                  {back.name}
                </Link>
              </p>
            ) : null}
          </CardContent>
        </Card>
      </CenteredPage>
    </>
  );
}
