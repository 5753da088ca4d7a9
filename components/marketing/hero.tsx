import { ArrowRight, Check } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "./copy-command";
import { GetStartedButtons } from "./get-started-buttons";

const command = "npm install && npm run dev";

/** What `npm run dev` starts on a fresh machine with no environment set (DESIGN.md, "stand-ins"). */
const startsWith = [
  "Postgres (PGlite) migrated and seeded: acme and globex",
  "Jobs: dev executor → /api/inngest",
  "Cache and rate limits: in-process store",
  "Email: dev mailbox at /dev/mailbox",
];

export function Hero() {
  return (
    <section aria-labelledby="hero-title" className="relative isolate overflow-hidden">
      <div
        aria-hidden="true"
        className="absolute inset-0 -z-10 bg-[linear-gradient(to_right,var(--border)_1px,transparent_1px),linear-gradient(to_bottom,var(--border)_1px,transparent_1px)] [mask-image:radial-gradient(ellipse_70%_60%_at_50%_0%,black,transparent)] bg-[size:56px_56px] opacity-60"
      />
      <div
        aria-hidden="true"
        className="absolute inset-x-0 top-0 -z-10 mx-auto h-80 max-w-3xl rounded-full bg-primary/15 blur-3xl"
      />
      <div className="mx-auto max-w-6xl px-4 pt-16 pb-20 sm:px-6 sm:pt-24 lg:px-8 lg:pt-28">
        <div className="mx-auto max-w-3xl text-center">
          <Badge variant="outline" className="bg-background/70 px-3 py-1 text-muted-foreground backdrop-blur">
            Open source · Next.js 16 · Postgres Row-Level Security
          </Badge>
          <h1
            id="hero-title"
            className="mt-6 text-4xl font-semibold tracking-tight text-balance sm:text-5xl lg:text-6xl"
          >
            The SaaS starter kit you never outgrow
          </h1>
          <p className="mx-auto mt-6 max-w-2xl text-lg leading-relaxed text-pretty text-muted-foreground">
            Organizations, sign-in, billing, background jobs and metrics in one well-structured Next.js codebase,
            with tenant isolation enforced by Postgres. Clone it, and ship a paid, multi-tenant product the same
            week.
          </p>
          <GetStartedButtons />
        </div>

        <figure className="mx-auto mt-14 max-w-2xl overflow-hidden rounded-xl border bg-card text-left shadow-xl shadow-primary/5">
          <div className="flex items-center gap-2 border-b bg-muted/50 px-4 py-2.5">
            <span aria-hidden="true" className="hidden gap-1.5 sm:flex">
              <span className="size-2.5 rounded-full bg-border" />
              <span className="size-2.5 rounded-full bg-border" />
              <span className="size-2.5 rounded-full bg-border" />
            </span>
            <figcaption className="mx-auto truncate text-xs text-muted-foreground sm:pr-10">
              A fresh clone, no environment variables
            </figcaption>
          </div>
          <div className="p-4 font-mono text-[13px] leading-6 sm:p-5 sm:text-sm">
            <div className="flex items-center gap-3 rounded-lg border bg-background py-1.5 pr-1.5 pl-3">
              <span aria-hidden="true" className="text-muted-foreground select-none">
                $
              </span>
              <code className="min-w-0 flex-1 overflow-x-auto whitespace-nowrap">{command}</code>
              <CopyButton text={command} label="Copy the install and run command" />
            </div>
            <ul className="mt-4 space-y-1 text-muted-foreground">
              {startsWith.map((line) => (
                <li key={line} className="flex gap-2.5">
                  <Check aria-hidden="true" className="mt-1 size-4 shrink-0 text-success" />
                  <span>{line}</span>
                </li>
              ))}
              <li className="flex gap-2.5 pt-1 text-foreground">
                <ArrowRight aria-hidden="true" className="mt-1 size-4 shrink-0 text-primary" />
                <span>Ready on http://localhost:3000</span>
              </li>
            </ul>
          </div>
        </figure>
      </div>
    </section>
  );
}
