import type { Metadata } from "next";
import { KeelMark } from "@/components/marketing/logo";
import { SiteFooter } from "@/components/marketing/site-footer";
import { SiteHeader } from "@/components/marketing/site-header";
import { NotFoundActions, NotFoundHeaderActions } from "./_components/not-found-actions";

export const metadata: Metadata = { title: "Page not found" };

/**
 * The 404 of every unknown path. It stays prerendered: its inline scripts' hashes are what every page's Content
 * Security Policy allows (scripts/csp-hashes.ts), so it cannot read the session while rendering. Its buttons ask
 * GET /api/me/home after load and show a signed-in person the way back to their organization and account.
 */
export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader actions={<NotFoundHeaderActions />} />
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
          <NotFoundActions />
        </div>
      </main>
      <SiteFooter />
    </div>
  );
}
