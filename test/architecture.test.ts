// The architecture's rules, checked: who reads the environment, what production code may import (the ESLint rules
// are exercised here, so a rule that stops firing fails a test), and that every organization page has one shape.
import { ESLint } from "eslint";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const productionRoots = ["app", "components", "db", "jobs", "lib", "proxy.ts", "instrumentation.ts"];

function sourceFiles(entry: string): string[] {
  const full = path.join(root, entry);
  if (fs.statSync(full).isFile()) return [entry];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((e) => (e.isDirectory() || /\.tsx?$/.test(e.name) ? sourceFiles(path.join(entry, e.name)) : []));
}

const production = productionRoots.flatMap(sourceFiles).filter((file) => !/\.test\.tsx?$/.test(file));

describe("the environment", () => {
  it("is read by lib/env.ts alone (and by instrumentation.ts for NEXT_RUNTIME, which Next inlines at build time)", () => {
    const readers = production.filter((file) => {
      const text = fs.readFileSync(path.join(root, file), "utf8").replaceAll("process.env.NEXT_RUNTIME", "");
      return file !== "lib/env.ts" && /process\.env/.test(text);
    });
    expect(readers).toEqual([]);
  });
});

describe("import rules", () => {
  const eslint = new ESLint({ cwd: root });
  const errors = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
  };

  it("keep the raw connection, SQL and table objects inside db/", async () => {
    expect(await errors("lib/probe.ts", 'import { primaryDb } from "@/db/client";\nexport const x = primaryDb;\n')).toEqual(["@typescript-eslint/no-restricted-imports"]);
    expect(await errors("jobs/probe.ts", 'import { sql } from "drizzle-orm";\nexport const x = sql;\n')).toEqual(["@typescript-eslint/no-restricted-imports"]);
    expect(await errors("lib/probe.ts", 'import { users } from "@/db/schema";\nexport const x = users;\n')).toEqual(["@typescript-eslint/no-restricted-imports"]);
    expect(await errors("lib/probe.ts", 'import type { User } from "@/db/schema";\nexport type X = User;\n')).toEqual([]);
    expect(await errors("db/queries/probe.ts", 'import { sql } from "drizzle-orm";\nimport { primaryDb } from "../client";\nexport const x = [sql, primaryDb];\n')).toEqual([]);
  });

  it("keep pages, routes and components reading through lib/, never db/", async () => {
    expect(await errors("app/probe/page.tsx", 'import { listProjects } from "@/db/queries/projects";\nexport const x = listProjects;\n')).toEqual(["@typescript-eslint/no-restricted-imports"]);
    expect(await errors("app/probe/page.tsx", 'import { listProjects } from "@/lib/projects/list-projects";\nexport const x = listProjects;\n')).toEqual([]);
  });

  it("keep test support out of production code", async () => {
    expect(await errors("lib/probe.ts", 'import { createSession } from "@/test/fixtures";\nexport const x = createSession;\n')).toEqual(["@typescript-eslint/no-restricted-imports"]);
    expect(await errors("db/probe.ts", 'import { stubEnv } from "../test/env";\nexport const x = stubEnv;\n')).toEqual(["@typescript-eslint/no-restricted-imports"]);
    expect(await errors("lib/probe.test.ts", 'import { createSession } from "@/test/fixtures";\nexport const x = createSession;\n')).toEqual([]);
  });

  it("keep process.env to lib/env.ts", async () => {
    expect(await errors("components/probe.tsx", "export const x = process.env.SECRET;\n")).toEqual(["no-restricted-properties"]);
    expect(await errors("lib/env.ts", "export const x = process.env.SECRET;\n")).toEqual([]);
  });
});

describe("organization pages", () => {
  it("are all orgPage(): one resolution of session, membership and permission, and reads in one withTenant", () => {
    const pages = production.filter((file) => file.startsWith(path.join("app", "[orgSlug]")) && file.endsWith("page.tsx"));
    expect(pages.length).toBeGreaterThan(4);
    const other = pages.filter((file) => !/export default orgPage\(/.test(fs.readFileSync(path.join(root, file), "utf8")));
    expect(other).toEqual([]);
  });
});
