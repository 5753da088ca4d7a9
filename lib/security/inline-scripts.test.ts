import { describe, expect, it } from "vitest";
import { cspHash, inlineScriptHashes, inlineScripts } from "./inline-scripts";

describe("inline scripts of a prerendered page", () => {
  it("hashes a script's text as the browser does (the hash Chromium itself printed for it)", () => {
    expect(cspHash("document.title='inline'")).toBe("'sha256-AW8YyfvPfYzUwJkwspM9TFZlGxVLeftzEax1znLgAto='");
    expect(cspHash("")).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it("takes every script a browser runs, raw and in order, and nothing it doesn't", () => {
    const html = [
      "<!DOCTYPE html><html><head>",
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
      '<script type="application/ld+json">{"@type":"Organization"}</script>',
      "<!-- <script>commented()</script> -->",
      "</head><body><template><script>inert()</script></template>",
      '<script>self.__next_f.push([1,"a \\u003c/script> &amp; b"])</script>',
      '<SCRIPT type="module">import("/x.js")</SCRIPT >',
      "<script type='text/javascript'>\nmultiLine();\n</script>",
      "<script id=\"theme\" nonce=\"\">((a,b)=>{})('class','theme')</script>",
      "</body></html>",
    ].join("");
    expect(inlineScripts(html)).toEqual([
      "(self.__next_f=self.__next_f||[]).push([0])",
      'self.__next_f.push([1,"a \\u003c/script> &amp; b"])',
      'import("/x.js")',
      "\nmultiLine();\n",
      "((a,b)=>{})('class','theme')",
    ]);
  });

  it("lists each hash once", () => {
    expect(inlineScriptHashes("<script>a()</script><p></p><script>a()</script><script>b()</script>")).toEqual([cspHash("a()"), cspHash("b()")]);
  });
});
