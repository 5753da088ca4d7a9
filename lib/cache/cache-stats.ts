// Hits and misses of every cache read in this process (get and getOrSet), for /admin/system: two integer
// increments a read, no I/O. A backend that is down counts as a miss (the loader ran).
const counters = { hits: 0, misses: 0, since: new Date().toISOString() };

/** Counts one read. */
export function countCacheRead(hit: boolean): void {
  if (hit) counters.hits++;
  else counters.misses++;
}

/** This process's cache reads since it started: hits, misses, and the hit rate (null before any read). */
export function cacheStats(): { hits: number; misses: number; hitRate: number | null; since: string } {
  const total = counters.hits + counters.misses;
  return { ...counters, hitRate: total ? counters.hits / total : null };
}
