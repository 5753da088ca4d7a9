import type { Cache, WarnLogger } from "@/lib/cache";
import { describeError } from "@/lib/cache";
import { compileFlags, emptyFlags, type CompiledFlags, type FlagSnapshot } from "./snapshot";

/** The cache tag of everything flags: invalidating it (one INCR) is the version bump every process checks. */
export const FLAGS_TAG = "feature-flags";
const SNAPSHOT_KEY = "flags:snapshot";
const VERSION_KEY = "flags:version";
// Bounds how long a lost invalidation (Redis unreachable during an edit) can leave other processes behind.
const TTL_SECONDS = 300;
/** How long a process trusts its own copy before it asks Redis whether the version moved. */
export const DEFAULT_RECHECK_MS = 5_000;

/** What a reader is built from; the process reader uses the process cache and Postgres through withSystem. */
export type FlagReaderOptions = {
  cache: Cache;
  /** Builds a snapshot from the source of truth (Postgres): only on a cold or invalidated cache. */
  build: () => Promise<FlagSnapshot>;
  recheckMs?: number;
  now?: () => number;
  log: WarnLogger;
};

/** One process's view of the flags. */
export type FlagReader = {
  /**
   * The flags to evaluate: this process's copy while it is younger than `recheckMs` (no I/O at all), else after one
   * Redis round trip that compares versions (and a download, or a rebuild, only when the version moved).
   */
  current(): CompiledFlags | Promise<CompiledFlags>;
  /** After an edit committed: drops this process's copy, and bumps the version the other processes check. */
  invalidate(): Promise<void>;
};

/**
 * A reader of the flag snapshot in three layers: an in-process copy, Redis (the snapshot and its version, under
 * the `feature-flags` tag), and Postgres when Redis has nothing current. Redis being down only means the rebuild
 * runs (at most once per `recheckMs` in this process), as the cache layer does for every entry.
 */
export function createFlagReader({ cache, build, recheckMs = DEFAULT_RECHECK_MS, now = Date.now, log }: FlagReaderOptions): FlagReader {
  let local: { flags: CompiledFlags; checkedAt: number } | undefined;
  let refreshing: Promise<CompiledFlags> | undefined;
  // Bumped by invalidate(), so a refresh that started before an edit cannot put the old copy back.
  let generation = 0;
  let lastWarnedAt = -Infinity;

  async function refresh(): Promise<CompiledFlags> {
    const startedIn = generation;
    let fetched: FlagSnapshot | undefined;
    const shared = async () => (fetched ??= (await cache.getOrSet(SNAPSHOT_KEY, TTL_SECONDS, build, { tags: [FLAGS_TAG] })) as FlagSnapshot);
    let flags: CompiledFlags;
    try {
      // The version alone is a few bytes: the usual answer is "same as yours", and the snapshot stays in Redis.
      const version = await cache.getOrSet(VERSION_KEY, TTL_SECONDS, async () => (await shared()).version, { tags: [FLAGS_TAG] });
      flags = local && local.flags.version === version ? local.flags : compileFlags(await shared());
    } catch (err) {
      // Neither Redis nor Postgres answered: keep the copy this process has (nothing: every flag off) and try again
      // after recheckMs rather than on every call.
      if (now() - lastWarnedAt > 10_000) {
        lastWarnedAt = now();
        log.warn({ component: "flags", error: describeError(err) }, "flags: cannot refresh the snapshot; evaluating with the last known flags");
      }
      flags = local?.flags ?? emptyFlags;
    }
    if (startedIn === generation) local = { flags, checkedAt: now() };
    return flags;
  }

  return {
    current() {
      if (local && now() - local.checkedAt < recheckMs) return local.flags;
      refreshing ??= refresh().finally(() => (refreshing = undefined));
      return refreshing;
    },
    async invalidate() {
      generation++;
      local = undefined;
      refreshing = undefined;
      await cache.invalidateTag(FLAGS_TAG);
    },
  };
}
