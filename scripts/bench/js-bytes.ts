import { gzipSync } from "node:zlib";

/**
 * The JavaScript a page's HTML names (`<script src>`: what loads before the page is interactive), gzipped as a
 * server sends it, in bytes. Chunks loaded later on demand (a menu opened, a toast shown) are not counted.
 */
export async function htmlScriptBytes(url: string): Promise<number> {
  const html = await (await fetch(url)).text();
  // `nomodule` scripts (polyfills for old browsers) are never fetched by a current one.
  const sources = new Set([...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"/g)].filter((m) => !/\bnomodule\b/i.test(m[1]!)).map((m) => m[2]!));
  let total = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src.replaceAll("&amp;", "&"), url))).arrayBuffer());
    total += gzipSync(body).length;
  }
  return total;
}
