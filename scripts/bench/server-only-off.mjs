// Loaded with `--import` by benchmarks that run server modules outside Next without the react-server condition
// (which breaks modules that pull in next/navigation): resolves the `server-only` marker to its no-op, as
// vitest.config.ts does for tests.
import { register } from "node:module";

const empty = new URL("../../node_modules/server-only/empty.js", import.meta.url).href;
register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      return specifier === "server-only" ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : next(specifier, context);
    }`),
  import.meta.url,
);
