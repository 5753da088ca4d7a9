import { assertEmailTransportConfigured } from "./email/config";

/**
 * What would make a production server lose work or data without saying so, one line each. Development and
 * tests run on stand-ins, so only production is strict.
 */
export function startupProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  if (!env.DATABASE_URL) problems.push("DATABASE_URL is not set");
  if (!env.AUTH_SECRET) problems.push("AUTH_SECRET is not set");
  try {
    assertEmailTransportConfigured(env);
  } catch (err) {
    problems.push((err as Error).message);
  }
  return problems;
}
