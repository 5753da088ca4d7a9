// npm run bench:lighthouse - Lighthouse (mobile preset, simulated throttling) on the marketing pages of a production
// build: the four category scores, LCP, TBT and the JavaScript each page loads (gzip bytes over the wire, and of
// the scripts its HTML names), against the goals of issue 11. Runs offline against Debian's Chromium
// (CHROME_PATH, default /usr/bin/chromium) and the end-to-end server (scripts/e2e-server.ts) on a scratch database.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { runCli } from "../cli";
import { htmlScriptBytes } from "./js-bytes";
import { waitFor } from "./server-log";

const PORT = Number(process.env.BENCH_PORT ?? 3162);
const PAGES = (process.env.BENCH_PAGES ?? "/,/pricing,/sign-in,/sign-up").split(",");
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const GOALS = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 } as const;
const JS_GOAL_KB_ON_HOME = 100;

type Row = { page: string; scores: Record<keyof typeof GOALS, number>; lcpMs: number; tbtMs: number; jsKb: number; htmlJsKb: number };

function startServer(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts"], {
    env: { ...process.env, PORT: String(PORT), LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

async function audit(port: number, url: string): Promise<Omit<Row, "page" | "htmlJsKb">> {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: Object.keys(GOALS) });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  // BENCH_LIGHTHOUSE_JSON=<dir> keeps each page's full report, to see what its LCP element and main-thread time are.
  if (process.env.BENCH_LIGHTHOUSE_JSON) {
    fs.mkdirSync(process.env.BENCH_LIGHTHOUSE_JSON, { recursive: true });
    fs.writeFileSync(`${process.env.BENCH_LIGHTHOUSE_JSON}/${new URL(url).pathname.replace(/\W+/g, "_") || "_"}.json`, JSON.stringify(lhr));
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const score = (id: keyof typeof GOALS) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const requests = (lhr.audits["network-requests"]?.details as { items?: Array<{ resourceType?: string; transferSize?: number }> } | undefined)?.items ?? [];
  const jsBytes = requests.filter((r) => r.resourceType === "Script").reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  return {
    scores: { performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices"), seo: score("seo") },
    lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN,
    tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? NaN,
    jsKb: jsBytes / 1024,
  };
}

let server: ChildProcess | undefined;
const stopServer = async () => {
  if (!server?.pid || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server!.once("exit", resolve));
  process.kill(-server.pid, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
};

await runCli(
  "bench:lighthouse",
  async () => {
    const dist = process.env.NEXT_DIST_DIR ?? ".next";
    if (!fs.existsSync(`${dist}/BUILD_ID`)) throw new Error(`no production build in ${dist}: run npm run build first`);
    if (!fs.existsSync(CHROME_PATH)) throw new Error(`no Chromium at ${CHROME_PATH}: apt-get install chromium, or set CHROME_PATH`);
    server = startServer();
    await waitFor(`http://localhost:${PORT}/api/health`, 180_000);
    const chrome = await launch({ chromePath: CHROME_PATH, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    const rows: Row[] = [];
    try {
      for (const page of PAGES) {
        const url = `http://localhost:${PORT}${page}`;
        await fetch(url).then((r) => r.arrayBuffer()); // a first request outside the measurement (server caches warm)
        // Lighthouse now and then fails to record a trace on a loaded machine (NO_NAVSTART): one more try.
        const result = await audit(chrome.port, url).catch((err: unknown) => {
          console.error(`bench:lighthouse: ${(err as Error).message}; trying ${page} once more`);
          return audit(chrome.port, url);
        });
        rows.push({ page, ...result, htmlJsKb: (await htmlScriptBytes(url)) / 1024 });
      }
    } finally {
      chrome.kill();
    }

    console.log(`\nbench:lighthouse (mobile preset, simulated throttling; ${new Date().toISOString()})`);
    console.log(`${"page".padEnd(10)} perf  a11y  best  seo   LCP      TBT     JS loaded  JS in HTML (gzip)`);
    const misses: string[] = [];
    for (const r of rows) {
      const s = r.scores;
      console.log(
        `${r.page.padEnd(10)} ${String(s.performance).padEnd(5)} ${String(s.accessibility).padEnd(5)} ${String(s["best-practices"]).padEnd(5)} ${String(s.seo).padEnd(5)} ${`${(r.lcpMs / 1000).toFixed(2)} s`.padEnd(8)} ${`${Math.round(r.tbtMs)} ms`.padEnd(7)} ${`${r.jsKb.toFixed(1)} kB`.padEnd(10)} ${r.htmlJsKb.toFixed(1)} kB`,
      );
      for (const [category, goal] of Object.entries(GOALS)) if (s[category as keyof typeof GOALS] < goal) misses.push(`${r.page} ${category} ${s[category as keyof typeof GOALS]} < ${goal}`);
      if (r.page === "/" && r.jsKb > JS_GOAL_KB_ON_HOME) misses.push(`/ loads ${r.jsKb.toFixed(1)} kB of JS > ${JS_GOAL_KB_ON_HOME} kB`);
    }
    console.log(misses.length ? `\nbelow the goals of issue 11: ${misses.join("; ")}` : "\nevery page meets the goals of issue 11");
  },
  stopServer,
);
