import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { ThemeProvider } from "@/components/theme-provider";
import { Toaster } from "@/components/toaster";
import { appUrl } from "@/lib/env";
import { inter } from "./fonts";
import "./globals.css";

const description =
  "Open-source Next.js SaaS starter: organizations isolated by Postgres Row-Level Security, sign-in, background jobs, outgoing webhooks and caching.";

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(appUrl()),
    title: { default: "Keel: the SaaS starter kit you never outgrow", template: "%s · Keel" },
    description,
    // app/icon.svg is the scalable favicon; public/ holds the PNG and ICO sizes (`npm run icons` makes them).
    icons: { icon: [{ url: "/favicon.ico", sizes: "32x32" }], apple: "/apple-touch-icon.png" },
    openGraph: { type: "website", siteName: "Keel", title: "Keel: the SaaS starter kit you never outgrow", description, images: [{ url: "/og.png", width: 1200, height: 630, alt: "Keel" }] },
    twitter: { card: "summary_large_image", images: ["/og.png"] },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#14151c" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning data-scroll-behavior="smooth" className={inter.variable}>
      <body className="min-h-dvh">
        <ThemeProvider>
          {children}
          <Toaster />
        </ThemeProvider>
      </body>
    </html>
  );
}
