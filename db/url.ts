/** A configuration or connection problem, phrased for a person: one line, no stack, no password. */
export class DatabaseSetupError extends Error {
  override name = "DatabaseSetupError";
}

/** Parses a Postgres URL from the environment, or explains in one line what is wrong with it. */
export function parseDatabaseUrl(raw: string | undefined, variable = "DATABASE_URL"): string {
  if (!raw) {
    throw new DatabaseSetupError(
      `${variable} is not set: run \`npm run dev\` (it starts an embedded database) or set ${variable}=postgres://user:password@host:5432/db`,
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DatabaseSetupError(`${variable} is not a valid URL; expected postgres://user:password@host:5432/db`);
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new DatabaseSetupError(`${variable} must start with postgres:// (got ${url.protocol}//)`);
  }
  if (!url.hostname) throw new DatabaseSetupError(`${variable} has no host; expected postgres://user:password@host:5432/db`);
  return raw;
}

/** The URL without its password, safe for logs and error messages. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/** Turns a driver error into one line a person can act on; unknown errors keep their code only. */
export function describeConnectionError(err: unknown, raw: string): string {
  const where = (() => {
    try {
      const url = new URL(raw);
      return `${url.hostname}:${url.port || 5432}${url.pathname}`;
    } catch {
      return "the configured database";
    }
  })();
  const code = (err as { code?: string } | null)?.code;
  switch (code) {
    case "ECONNREFUSED":
      return `cannot reach Postgres at ${where}: connection refused (is the server running?)`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot reach Postgres at ${where}: host not found`;
    case "CONNECT_TIMEOUT":
    case "ETIMEDOUT":
      return `cannot reach Postgres at ${where}: connection timed out`;
    case "28P01":
    case "28000":
      return `Postgres at ${where} refused the credentials in the URL`;
    case "3D000":
      return `Postgres at ${where}: the database does not exist`;
    default:
      return `database error at ${where}${code ? ` (${code})` : ""}`;
  }
}
