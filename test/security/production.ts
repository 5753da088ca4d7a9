import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { stubEnv } from "@/test/env";

/** A production environment that starts: every required service named (the values are never contacted). */
export const productionSettings: Record<string, string> = {
  NODE_ENV: "production",
  AUTH_SECRET: "security-suite-secret-0123456789abcdef",
  AUTH_URL: "https://app.example.com",
  SMTP_URL: "smtp://mail.example.com:587",
  INNGEST_EVENT_KEY: "security-suite-event-key",
  INNGEST_SIGNING_KEY: "signkey-prod-0123456789abcdef0123456789abcdef",
  EMAIL_TRANSPORT: "",
  INNGEST_DEV: "",
  UNSAFE_TEST_ONLY_DEV_TOOLS: "",
  TRUSTED_PROXY: "",
  LOG_LEVEL: "silent",
};

/** Stubs this test's environment to production (plus `extra`); DATABASE_URL stays the test's scratch database. */
export function stubProduction(extra: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries({ ...productionSettings, ...extra })) stubEnv(name, value);
}

/**
 * Runs the real server start-up (lib/server-start.ts, what instrumentation.ts calls before `next start` serves
 * anything) in a child process with exactly `settings`: its exit code and what it printed.
 */
export async function startServerWith(settings: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const root = path.resolve(import.meta.dirname, "../..");
  const script = `const { startServer } = await import(${JSON.stringify(path.join(root, "lib/server-start.ts"))}); await startServer(); console.log("started"); process.exit(0);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "--input-type=module", "-e", script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...settings } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, stderr };
}

/** An address of this machine that is not loopback (a request to it arrives from it), or undefined. */
export function nonLoopbackAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
}
