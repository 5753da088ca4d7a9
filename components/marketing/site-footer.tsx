import Link from "next/link";
import { appVersion } from "@/lib/env";
import { KeelMark } from "./logo";

const columns = [
  {
    title: "Product",
    links: [
      { href: "/#features", label: "Features" },
      { href: "/#architecture", label: "Architecture" },
      { href: "/pricing", label: "Pricing" },
    ],
  },
  {
    title: "Account",
    links: [
      { href: "/sign-in", label: "Sign in" },
      { href: "/sign-up", label: "Get started" },
    ],
  },
] as const;

/** Bottom of every marketing page. */
export function SiteFooter() {
  const version = appVersion();

  return (
    <footer className="border-t bg-muted/30">
      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-12 sm:px-6 md:grid-cols-[1fr_auto] lg:px-8">
        <div className="max-w-sm">
          <p className="flex items-center gap-2 text-[17px] font-semibold tracking-tight">
            <KeelMark />
            Keel
          </p>
          <p className="mt-3 text-sm leading-relaxed text-muted-foreground">
            The open-source SaaS starter kit on Next.js, with tenant isolation enforced by Postgres.
          </p>
        </div>
        <nav aria-label="Footer" className="grid grid-cols-2 gap-10 sm:gap-16">
          {columns.map((column) => (
            <div key={column.title}>
              <h2 className="text-sm font-medium">{column.title}</h2>
              <ul className="mt-3 space-y-2">
                {column.links.map((link) => (
                  <li key={link.label}>
                    <Link
                      href={link.href}
                      className="rounded-sm text-sm text-muted-foreground transition-colors outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      </div>
      <div className="border-t">
        <p className="mx-auto flex max-w-6xl flex-wrap justify-between gap-2 px-4 py-6 text-xs text-muted-foreground sm:px-6 lg:px-8">
          <span>Built with Next.js, Postgres, Auth.js, Stripe, Inngest and Upstash.</span>
          {version ? <span>Keel v{version}</span> : null}
        </p>
      </div>
    </footer>
  );
}
