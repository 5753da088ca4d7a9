import { gzipSync } from "node:zlib";

/**
 * The JavaScript a page's HTML names (`<script src>`: what loads before the page is interactive), gzipped as a
 * server sends it, in bytes. Chunks loaded later on demand (a menu opened, a toast shown) are not counted.
 */
export async function htmlScriptBytes(url: string): Promise<number> {
  const html = await (await fetch(url)).text();
  // `nomodule` scripts (polyfills for old browsers) are never fetched by a current one.
  const tags = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]!).filter((attrs) => !/\snomodule\b/i.test(attrs));
  const sources = new Set(tags.map((attrs) => /\ssrc="([^"]+)"/.exec(attrs)?.[1]).filter((src): src is string => Boolean(src)));
  let total = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src.replaceAll("&amp;", "&"), url))).arrayBuffer());
    total += gzipSync(body).length;
  }
  return total;
}
