import type { Metadata } from "next";
import { SiteHeader } from "@/components/marketing/site-header";
import { ApiReference } from "./_components/api-reference";
import "@scalar/api-reference-react/style.css";

export const metadata: Metadata = {
  title: "API reference",
  description: "Keel's public REST API: projects, members and the audit log of an organization, with API keys.",
};

/** The public API's reference, generated from the same zod schemas the routes parse with. */
export default function ApiDocsPage() {
  return (
    <>
      <SiteHeader current="docs" />
      <main id="main" tabIndex={-1} className="outline-none">
        <div className="mx-auto max-w-6xl px-4 pt-10 sm:px-6 lg:px-8">
          <h1 className="text-3xl font-semibold tracking-tight">API reference</h1>
          <p className="mt-2 max-w-prose text-muted-foreground">
            Create a key under Settings → API keys of your organization, then send it as{" "}
            <code className="font-mono text-sm">Authorization: Bearer keel_…</code>. The machine-readable document is at{" "}
            <a href="/api/v1/openapi.json" className="font-medium text-foreground underline underline-offset-4">
              /api/v1/openapi.json
            </a>
            .
          </p>
        </div>
        <ApiReference />
      </main>
    </>
  );
}
