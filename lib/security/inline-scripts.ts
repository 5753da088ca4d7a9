import { createHash } from "node:crypto";

// Script types a browser executes (and CSP therefore governs); data blocks (application/json, ld+json) are not.
const executableTypes = new Set(["", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"]);

/**
 * The text of every inline script of an HTML document that a browser would run, in document order. Script text is
 * raw: a browser hashes exactly the characters between `<script …>` and the first `</script`, so that is what is
 * taken. (Next escapes `<` inside its payload scripts, so `</script` never appears inside one.) Scripts inside
 * comments and `<template>` never run and are skipped.
 */
export function inlineScripts(html: string): string[] {
  const found: string[] = [];
  const visible = html.replace(/<!--[\s\S]*?-->/g, "").replace(/<template\b[\s\S]*?<\/template\s*>/gi, "");
  for (const match of visible.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1] ?? "";
    if (/(?:^|\s)src\s*=/i.test(attributes)) continue;
    const type = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    const typeValue = (type?.[1] ?? type?.[2] ?? type?.[3] ?? "").trim().toLowerCase();
    if (!executableTypes.has(typeValue)) continue;
    found.push(match[2] ?? "");
  }
  return found;
}

/** The CSP hash source (`'sha256-…'`) of a script's text. */
export function cspHash(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

/** The hash sources of an HTML document's inline scripts, each once, in document order. */
export function inlineScriptHashes(html: string): string[] {
  return [...new Set(inlineScripts(html).map(cspHash))];
}
