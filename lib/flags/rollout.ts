/**
 * The rollout bucket of an organization for a flag, in [0, 100): the organization gets the flag when its bucket is
 * below the rollout percentage, so raising the percentage only ever adds organizations, and each flag draws its own
 * sample (the key is hashed too). Must never change: a different hash would reshuffle who has every flag.
 *
 * FNV-1a over the UTF-16 code units of `key:orgId`, then murmur3's finaliser to spread FNV's weak low bits; a
 * few hundred nanoseconds, no allocation beyond the string.
 */
export function rolloutBucket(key: string, orgId: string): number {
  let h = 0x811c9dc5;
  const input = `${key}:${orgId}`;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) / 0x1_0000_0000) * 100;
}
