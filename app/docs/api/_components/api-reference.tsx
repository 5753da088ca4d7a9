"use client";

import dynamic from "next/dynamic";
import { useTheme } from "next-themes";

// Scalar's reference is a large client-only bundle: loaded on this page alone, in the browser, from Keel's own
// build (no CDN script, no web fonts), so the docs work offline and behind a strict CSP.
const ApiReferenceReact = dynamic(() => import("@scalar/api-reference-react").then((m) => m.ApiReferenceReact), {
  ssr: false,
  loading: () => <p className="px-4 py-16 text-center text-sm text-muted-foreground">Loading the API reference…</p>,
});

/** The interactive reference of Keel's public API, rendered from /api/v1/openapi.json. */
export function ApiReference() {
  const { resolvedTheme } = useTheme();
  return (
    <div data-testid="api-reference">
      <ApiReferenceReact
        key={resolvedTheme}
        configuration={{
          url: "/api/v1/openapi.json",
          withDefaultFonts: false,
          telemetry: false,
          // The AI agent fetches a registry from scalar.com: off, so the page makes no outside call (and keeps the CSP).
          agent: { disabled: true },
          hideDarkModeToggle: true,
          forceDarkModeState: resolvedTheme === "dark" ? "dark" : "light",
          hideClientButton: true,
          metaData: { title: "Keel API" },
        }}
      />
    </div>
  );
}
