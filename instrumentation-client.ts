// Runs in the browser before the app's own code. Zod compiles object parsers with `new Function` when it may, and
// probes for that when its first object schema is built: under the Content Security Policy (no 'unsafe-eval') the
// probe is refused and reported as a violation although Zod catches it. Parsing in the browser is small; keep it
// interpreted there. (The server keeps the compiled parsers.) Zod reads its settings from this global
// (zod/v4/core `globalConfig`), so no page has to download Zod itself just to be told: most never use it.
const zodConfig = ((globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig ??= {});
zodConfig.jitless = true;

export {};
