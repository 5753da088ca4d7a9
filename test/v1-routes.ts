import fs from "node:fs";
import path from "node:path";

type Handler = (request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A route file of the public API: its OpenAPI path (`[orgSlug]` as `{orgSlug}`) and the handlers it exports. */
export type V1RouteFile = { file: string; path: string; handlers: Partial<Record<"get" | "post" | "put" | "patch" | "delete", Handler>> };

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route.ts under app/api/v1, found on disk and imported, so a new route is covered without editing a test. */
export async function v1RouteFiles(): Promise<V1RouteFile[]> {
  const root = path.join(process.cwd(), "app/api/v1");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") files.push(full);
    }
  };
  walk(root);
  return Promise.all(
    files.sort().map(async (file) => {
      const mod = (await import(file)) as Record<string, unknown>;
      const rel = path.relative(process.cwd(), path.dirname(file)).split(path.sep).join("/");
      const handlers: V1RouteFile["handlers"] = {};
      for (const m of methods) if (typeof mod[m] === "function") handlers[m.toLowerCase() as keyof V1RouteFile["handlers"]] = mod[m] as Handler;
      return { file: path.relative(process.cwd(), file), path: `/${rel.replace("app/", "").replace(/\[(\w+)\]/g, "{$1}")}`, handlers };
    }),
  );
}
