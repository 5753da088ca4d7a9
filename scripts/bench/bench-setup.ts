import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type { Sql } from "postgres";

/**
 * Builds the app once when there is no production build yet: `npm run build`, the one build command (it also
 * writes the CSP manifest the production server reads), never `next build` alone.
 */
export function ensureBuild(bench: string): void {
  if (fs.existsSync(".next/BUILD_ID")) return;
  console.log(`${bench}: building (npm run build)…`);
  if (spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) throw new Error("npm run build failed");
}

/**
 * Signs `email` in for a benchmark's requests without the sign-in form: a session row (the row holds the token's
 * hash, as sign-in writes it) and the Cookie header that carries the token.
 */
export async function benchSessionCookie(sql: Sql, email: string, userAgent = "bench"): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await sql`insert into sessions (session_token, user_id, expires, user_agent, ip, last_seen_at)
    select encode(sha256(convert_to(${token}, 'UTF8')), 'hex'), id, now() + interval '30 days', ${userAgent}, '127.0.0.1', now() from users where email = ${email}`;
  return `keel.session=${token}`;
}
