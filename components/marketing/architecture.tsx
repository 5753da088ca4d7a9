import { ArrowDown, ArrowRight } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";
import { SectionHeading } from "./section-heading";

/** Arrow between two diagram nodes: down while the diagram is stacked, right once it is a row. */
function Connector() {
  return (
    <span
      aria-hidden="true"
      className="flex justify-center py-2 text-muted-foreground lg:absolute lg:top-1/2 lg:-left-10 lg:w-10 lg:-translate-y-1/2 lg:py-0"
    >
      <ArrowDown className="size-4 lg:hidden" />
      <ArrowRight className="hidden size-4 lg:block" />
    </span>
  );
}

function Node({
  code,
  title,
  children,
  emphasis = false,
}: {
  code: string;
  title: string;
  children: ReactNode;
  emphasis?: boolean;
}) {
  return (
    <div
      className={cn(
        "flex-1 rounded-lg border bg-card p-4 shadow-xs",
        emphasis && "border-primary/40 bg-primary/5 dark:bg-primary/10",
      )}
    >
      <code className="inline-block rounded bg-muted px-1.5 py-0.5 font-mono text-xs text-foreground">{code}</code>
      <h4 className="mt-3 text-sm font-medium">{title}</h4>
      <div className="mt-1.5 text-sm leading-relaxed text-muted-foreground">{children}</div>
    </div>
  );
}

const wrapperSteps = ["parse (zod)", "session", "org", "permission"];

function RequestPath() {
  return (
    <ol className="grid lg:grid-cols-[1fr_1fr_2fr] lg:gap-x-10">
      <li className="relative flex flex-col">
        <Node code="proxy.ts" title="At the edge">
          Sets the request id and security headers, sends signed-out visitors to sign in. Never decides who sees
          data.
        </Node>
      </li>
      <li className="relative flex flex-col">
        <Connector />
        <Node code="action() · route()" title="One wrapper per entry point">
          <span className="mt-1 flex flex-wrap gap-1.5">
            {wrapperSteps.map((step) => (
              <span key={step} className="rounded-full border bg-background px-2 py-0.5 text-xs text-foreground">
                {step}
              </span>
            ))}
          </span>
          <span className="mt-2 block">Not a member of the org: 404, never 403, so slugs don&apos;t leak.</span>
        </Node>
      </li>
      <li className="relative flex flex-col">
        <Connector />
        <div className="flex-1 rounded-xl border border-dashed border-primary/50 p-3 pt-2">
          <p className="px-1 pb-2 font-mono text-xs text-primary">one transaction, as role app_user</p>
          <ol className="grid sm:grid-cols-2 sm:gap-x-10">
            <li className="relative flex flex-col">
              <Node code="withTenant(ctx, tx => …)" title="Tenant context">
                Sets <code className="font-mono text-xs text-foreground">app.org_id</code> and{" "}
                <code className="font-mono text-xs text-foreground">app.user_id</code> for this transaction only; your{" "}
                <code className="font-mono text-xs text-foreground">lib/</code> operation runs inside.
              </Node>
            </li>
            <li className="relative flex flex-col">
              <span
                aria-hidden="true"
                className="flex justify-center py-2 text-muted-foreground sm:absolute sm:top-1/2 sm:-left-10 sm:w-10 sm:-translate-y-1/2 sm:py-0"
              >
                <ArrowDown className="size-4 sm:hidden" />
                <ArrowRight className="hidden size-4 sm:block" />
              </span>
              <Node code="Postgres RLS" title="The database decides" emphasis>
                Every tenant table is forced under a policy on{" "}
                <code className="font-mono text-xs text-foreground">app.org_id</code>. A missing setting matches no
                rows.
              </Node>
            </li>
          </ol>
        </div>
      </li>
    </ol>
  );
}

const policy = `alter table projects enable row level security;
alter table projects force row level security;

create policy tenant_isolation on projects using (
  org_id = nullif(current_setting('app.org_id', true), '')::uuid
);`;

const routeFile = `// POST /api/v1/projects - create a project
export const POST = route(
  {
    body: createProjectSchema,
    permission: "projects:write",
  },
  handler,
);`;

function CodeCard({ title, code }: { title: string; code: string }) {
  return (
    <figure className="min-w-0 overflow-hidden rounded-lg border bg-card">
      <figcaption className="border-b bg-muted/50 px-4 py-2 font-mono text-xs text-muted-foreground">{title}</figcaption>
      {/* Focusable so a keyboard can scroll the lines that overflow on a phone. */}
      <pre
        tabIndex={0}
        className="overflow-x-auto p-4 font-mono text-xs leading-relaxed outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset sm:text-[12.5px]"
      >
        <code>{code}</code>
      </pre>
    </figure>
  );
}

const standIns = [
  {
    service: "Postgres",
    production: "Postgres via DATABASE_URL, with read replicas",
    dev: "PGlite (Postgres in WASM), migrated and seeded",
    test: "Postgres 15 in CI, PGlite otherwise",
  },
  {
    service: "Jobs",
    production: "Inngest Cloud or self-hosted Inngest",
    dev: "Dev executor speaking Inngest's protocol",
    test: "@inngest/test, then the dev executor end to end",
  },
  {
    service: "Cache, rate limits",
    production: "Upstash Redis",
    dev: "In-process store with TTL",
    test: "REST bridge in front of a real Redis",
  },
  {
    service: "Email",
    production: "Resend or SMTP",
    dev: "Dev mailbox at /dev/mailbox",
    test: "Dev mailbox",
  },
  {
    service: "Billing",
    production: "Stripe",
    dev: "Free plan; billing pages explain connecting Stripe",
    test: "Local fake of the Stripe endpoints used, real webhook signatures",
  },
  {
    service: "Errors, traces",
    production: "Sentry, OpenTelemetry",
    dev: "Off",
    test: "Off",
  },
] as const;

const columns = [
  { key: "production", label: "Production" },
  { key: "dev", label: "npm run dev" },
  { key: "test", label: "Tests and CI" },
] as const;

function StandIns() {
  return (
    <div>
      <h3 id="stand-ins-title" className="text-xl font-semibold tracking-tight">
        The same code in dev, test and production
      </h3>
      <p className="mt-2 max-w-2xl text-pretty text-muted-foreground">
        A stand-in lives only where the real service can&apos;t run, and it is never a second code path in your business
        logic. A fresh clone needs no accounts and no environment variables.
      </p>

      {/* A table from md up; stacked cards below, where four columns would not fit. */}
      <div className="mt-6 hidden overflow-hidden rounded-xl border md:block">
        <table className="w-full text-left text-sm" aria-labelledby="stand-ins-title">
          <thead className="bg-muted/50">
            <tr>
              <th scope="col" className="w-44 px-4 py-3 font-medium">
                Service
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="px-4 py-3 font-medium">
                  {c.key === "dev" ? <code className="font-mono text-[13px]">{c.label}</code> : c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y bg-card">
            {standIns.map((row) => (
              <tr key={row.service}>
                <th scope="row" className="px-4 py-3 align-top font-medium">
                  {row.service}
                </th>
                <td className="px-4 py-3 align-top text-muted-foreground">{row.production}</td>
                <td className="px-4 py-3 align-top text-muted-foreground">{row.dev}</td>
                <td className="px-4 py-3 align-top text-muted-foreground">{row.test}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="mt-6 grid gap-3 md:hidden">
        {standIns.map((row) => (
          <li key={row.service} className="rounded-lg border bg-card p-4">
            <p className="font-medium">{row.service}</p>
            <dl className="mt-2 grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-1.5 text-sm">
              {columns.map((c) => (
                <div key={c.key} className="contents">
                  <dt className="text-muted-foreground">{c.label}</dt>
                  <dd>{row[c.key]}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Architecture() {
  return (
    <section id="architecture" aria-labelledby="architecture-title" className="scroll-mt-20 border-t bg-muted/30">
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6 sm:py-24 lg:px-8">
        <SectionHeading
          id="architecture-title"
          eyebrow="Architecture"
          title="Tenant isolation you don't have to remember"
        >
          Every server action and route handler takes the same path. By the time your code runs, Postgres itself
          confines each statement to one organization, so a forgotten <code className="font-mono text-base">where</code>{" "}
          clause is harmless.
        </SectionHeading>

        <div className="mt-12">
          <h3 className="sr-only">The request path</h3>
          <RequestPath />
        </div>

        <div className="mt-8 grid gap-4 lg:grid-cols-2">
          <CodeCard title="app/api/v1/projects/route.ts" code={routeFile} />
          <CodeCard title="The policy on every tenant table" code={policy} />
        </div>

        <div className="mt-20">
          <StandIns />
        </div>
      </div>
    </section>
  );
}
