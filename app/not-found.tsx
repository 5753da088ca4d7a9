import type { Metadata } from "next";
import Link from "next/link";
import { KeelMark } from "@/components/marketing/logo";
import { SiteFooter } from "@/components/marketing/site-footer";
import { SiteHeader } from "@/components/marketing/site-header";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

/**
 * The 404 of every unknown path. It stays prerendered: its inline scripts' hashes are what every page's Content
 * Security Policy allows (scripts/csp-hashes.ts), so it cannot read the session to pick the signed-in header.
 * TODO(#10): the signed-in header here needs the theme script's hash in the manifest's anyPath first.
 */
export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="main" tabIndex={-1} className="relative isolate flex flex-1 items-center outline-none">
        <div
          aria-hidden="true"
          className="absolute inset-0 -z-10 bg-[linear-gradient(to_right,var(--border)_1px,transparent_1px),linear-gradient(to_bottom,var(--border)_1px,transparent_1px)] [mask-image:radial-gradient(ellipse_50%_50%_at_50%_50%,black,transparent)] bg-[size:56px_56px] opacity-60"
        />
        <div className="mx-auto w-full max-w-xl px-4 py-24 text-center sm:px-6">
          <KeelMark className="mx-auto size-10" />
          <p className="mt-6 font-mono text-sm font-medium text-primary">404</p>
          <h1 className="mt-2 text-3xl font-semibold tracking-tight text-balance sm:text-4xl">Page not found</h1>
          <p className="mt-4 text-pretty text-muted-foreground">
            This page doesn&apos;t exist or has moved. If a teammate sent you a link to their organization, ask them to
            invite you: pages of an organization you don&apos;t belong to look like this one.
          </p>
          <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
            <Button asChild>
              <Link href="/">Back to home</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/pricing">See pricing</Link>
            </Button>
          </div>
        </div>
      </main>
      <SiteFooter />
    </div>
  );
}
