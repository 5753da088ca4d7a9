// npm run bench:auth-timing - does the answer's time tell whether an address has an account? Against a production
// build (scripts/e2e-server.ts: `next start`, a scratch database, the dev job executor), it submits the real forms
// as a browser without JavaScript would, for addresses that have an account and addresses that don't, interleaved,
// and prints the median (and p90) response time of each on password reset, magic link and sign-up. The known
// addresses are the seeded demo users (12 rounds at most, so per-address limits never answer instead).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { ensureBuild } from "./bench-setup";
import { percentile } from "./stats";

const PORT = Number(process.env.BENCH_PORT ?? 3212);
const ROUNDS = Math.min(12, Number(process.env.BENCH_ROUNDS ?? 12));
const WARM_UP = 2;
const base = `http://localhost:${PORT}`;
const password = "a long enough password for the bench";
const run = randomUUID().slice(0, 6);
// The server trusts one proxy hop (as behind a load balancer): each request names its own client address, so the
// per-IP limits never kick in and distort a sample.
const randomIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;

type Form = { action: string; fields: Map<string, string> };

/** The forms of a page with their hidden fields (React's `$ACTION_…` inputs that name the server action). */
async function formsOf(path: string): Promise<{ names: Set<string>; form: Form }[]> {
  const html = await (await fetch(`${base}${path}`)).text();
  return [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].map((match) => {
    const fields = new Map<string, string>();
    const names = new Set<string>();
    for (const input of match[1]!.matchAll(/<input\b[^>]*>/g)) {
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      if (!name) continue;
      names.add(name);
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
      if (/type="hidden"/.test(input[0])) fields.set(name, value.replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
    }
    return { names, form: { action: path, fields } };
  });
}

async function findForm(path: string, wanted: string[], without: string[] = []): Promise<Form> {
  const match = (await formsOf(path)).find(({ names }) => wanted.every((n) => names.has(n)) && without.every((n) => !names.has(n)));
  if (!match) throw new Error(`no form with ${wanted.join(", ")} on ${path}`);
  return match.form;
}

/** Submits a form as a browser without JavaScript; the time until the response (a redirect) has fully arrived. */
async function submit(form: Form, values: Record<string, string>): Promise<{ ms: number; status: number }> {
  const body = new FormData();
  for (const [name, value] of form.fields) body.set(name, value);
  for (const [name, value] of Object.entries(values)) body.set(name, value);
  const started = performance.now();
  const response = await fetch(`${base}${form.action}`, { method: "POST", body, redirect: "manual", headers: { "x-forwarded-for": randomIp(), origin: base } });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what}: timed out`);
}

ensureBuild("bench:auth-timing");
const server = spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts"], {
  env: { ...process.env, PORT: String(PORT), LOG_LEVEL: "warn" },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});
const stop = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {}
};
process.on("SIGINT", () => {
  stop();
  process.exit(130);
});

try {
  await waitFor(async () => (await fetch(`${base}/api/health`)).ok, "server start");
  const [signUpForm, resetForm, magicForm] = await Promise.all([
    findForm("/sign-up", ["name", "email", "password"]),
    findForm("/forgot-password", ["email"]),
    findForm("/sign-in?mode=link", ["email"], ["password"]),
  ]);

  // Addresses that have an account: the seeded demo users, each used at most 3 times a flow (the reset limit per
  // address is 3 an hour, so no sample is a rate-limited answer).
  const demo = ["owner@acme.test", "member@acme.test", "owner@globex.test", "admin@keel.test"];
  const known = Array.from({ length: ROUNDS }, (_, i) => demo[i % demo.length]!);

  const flows: { name: string; send: (email: string) => Promise<{ ms: number; status: number }> }[] = [
    { name: "password reset", send: (email) => submit(resetForm, { email }) },
    { name: "magic link", send: (email) => submit(magicForm, { email }) },
    { name: "sign-up", send: (email) => submit(signUpForm, { name: "Bench", email, password }) },
  ];
  const rows: string[][] = [];
  for (const flow of flows) {
    const times = { known: [] as number[], unknown: [] as number[] };
    const unknown = (i: number) => `bench-unknown-${run}-${flow.name.replace(/\W/g, "")}-${i}@example.test`;
    // Warm-up rounds (unknown addresses only, so the known ones keep their budgets).
    for (let i = 0; i < WARM_UP; i++) await flow.send(unknown(-1 - i));
    for (let i = 0; i < ROUNDS; i++) {
      const pair = [
        ["known", known[i]!],
        ["unknown", unknown(i)],
      ] as const;
      // Alternate which goes first, so drift of the machine hits both alike.
      for (const [kind, email] of i % 2 ? [...pair].reverse() : pair) {
        const { ms, status } = await flow.send(email);
        if (status >= 400) throw new Error(`${flow.name} answered ${status} for a ${kind} address`);
        times[kind].push(ms);
      }
    }
    const median = (xs: number[]) => percentile(xs, 50);
    rows.push([
      flow.name,
      median(times.known).toFixed(1),
      median(times.unknown).toFixed(1),
      (median(times.known) - median(times.unknown)).toFixed(1),
      percentile(times.known, 90).toFixed(1),
      percentile(times.unknown, 90).toFixed(1),
    ]);
  }
  const header = ["flow", "known p50 ms", "unknown p50 ms", "difference ms", "known p90 ms", "unknown p90 ms"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  console.log(`\nauth timing: ${ROUNDS} requests per address kind and flow, production build on :${PORT}\n`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
} finally {
  stop();
}
