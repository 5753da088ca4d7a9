import postgres from "postgres";

/** A throwaway database on the server of `serverUrl`, for one test run, benchmark or e2e server. */
export type ScratchDatabase = { url: string; name: string; drop: () => Promise<void> };

/**
 * Creates a database named `<prefix>_<time>_<random>`, empty or as a copy of `template` (which must have no open
 * connections); `drop()` removes it and nothing else.
 */
export async function createScratchDatabase(serverUrl: string, prefix: string, options: { template?: string } = {}): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    const from = options.template ? ` template "${options.template}"` : "";
    // Copies of one template made at the same moment can collide on its lock (55006): try again shortly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database "${name}"${from}`);
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== "55006" || attempt >= 20) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const dropper = postgres(serverUrl, { max: 1, connect_timeout: 10, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}
