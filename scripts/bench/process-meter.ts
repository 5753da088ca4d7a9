import fs from "node:fs";

// Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ); 100 on every kernel Node supports.
const TICK_MS = 10;

/** The process and every descendant of it (a server may fork workers). */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    const tasks = fs.readdirSync(`/proc/${tree[i]}/task`, { withFileTypes: true }).map((d) => d.name);
    for (const task of tasks) {
      const children = fs.readFileSync(`/proc/${tree[i]}/task/${task}/children`, "utf8").trim();
      if (children) tree.push(...children.split(/\s+/).map(Number));
    }
  }
  return tree;
}

const read = (path: string) => {
  try {
    return fs.readFileSync(path, "utf8");
  } catch {
    return ""; // the process ended between listing and reading
  }
};

/** CPU time (user + system) the process has used so far, in ms. */
function cpuMs(pid: number): number {
  // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
  const fields = read(`/proc/${pid}/stat`).split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * TICK_MS;
}

/** Resident memory of the process in MB. */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(read(`/proc/${pid}/status`))?.[1];
  return kb ? Number(kb) / 1024 : 0;
}

/** What a server process cost while a measurement ran. */
export type ProcessCost = { cpuMs: number; peakRssMb: number; endRssMb: number; samples: Array<{ atMs: number; rssMb: number }> };

/**
 * Meters a server process tree from now until `stop()`: CPU time used (less sensitive to a loaded machine than
 * requests per second) and resident memory sampled every `everyMs`. Linux only (/proc).
 */
export function meterProcess(pid: number, everyMs = 250): { stop: () => ProcessCost } {
  const cpuOf = () => processTree(pid).reduce((sum, p) => sum + cpuMs(p), 0);
  const rssOf = () => processTree(pid).reduce((sum, p) => sum + rssMb(p), 0);
  const started = performance.now();
  const cpuBefore = cpuOf();
  const samples: ProcessCost["samples"] = [];
  const sample = () => samples.push({ atMs: performance.now() - started, rssMb: rssOf() });
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const peakRssMb = Math.max(...samples.map((s) => s.rssMb));
      return { cpuMs: cpuOf() - cpuBefore, peakRssMb, endRssMb: samples.at(-1)!.rssMb, samples };
    },
  };
}

/** Median of a list of numbers (NaN when empty). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Least-squares slope of y over x (per unit of x). */
export function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}
