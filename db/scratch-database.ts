import postgres from "postgres";

/** A throwaway database on the server of `serverUrl`, for one test run, benchmark or e2e server. */
export type ScratchDatabase = { url: string; name: string; drop: () => Promise<void> };

/** Creates an empty database named `<prefix>_<time>_<random>`; `drop()` removes it and nothing else. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
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
