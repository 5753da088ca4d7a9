import fs from "node:fs/promises";
import path from "node:path";
import { marked } from "marked";
import type { Metadata } from "next";
import { SiteFooter } from "@/components/marketing/site-footer";
import { SiteHeader } from "@/components/marketing/site-header";

export const metadata: Metadata = {
  title: "Docs",
  description: "How to run Keel, how it is built, and how to add a feature: the README, rendered.",
};

// Rendered once at build time from the repository's README: the docs and the code ship together.
export const dynamic = "force-static";

/** The README as a page; headings get ids so its sections can be linked to. */
async function readme(): Promise<string> {
  const source = await fs.readFile(path.join(process.cwd(), "README.md"), "utf8");
  const renderer = new marked.Renderer();
  renderer.heading = function ({ tokens, depth, text }) {
    const id = text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
  };
  // The README's own title is the page's h1; its sections start at h2.
  const html = marked.parse(source.replace(/^# .*\n/, ""), { renderer, async: false });
  // Wide tables and code scroll sideways on a phone: focusable, so a keyboard can scroll them too.
  return html
    .replaceAll("<table>", '<div class="scroll-table" tabindex="0" role="region" aria-label="Table"><table>')
    .replaceAll("</table>", "</table></div>")
    .replaceAll("<pre>", '<pre tabindex="0">');
}

const prose = [
  "max-w-none text-[15px] leading-7 text-foreground",
  "[&_h2]:mt-12 [&_h2]:scroll-mt-20 [&_h2]:border-b [&_h2]:pb-2 [&_h2]:text-2xl [&_h2]:font-semibold [&_h2]:tracking-tight",
  "[&_h3]:mt-8 [&_h3]:scroll-mt-20 [&_h3]:text-lg [&_h3]:font-semibold",
  "[&_p]:mt-4 [&_ul]:mt-4 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:mt-4 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:mt-1.5",
  "[&_a]:font-medium [&_a]:text-primary [&_a]:underline [&_a]:underline-offset-4",
  "[&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[13px]",
  "[&_pre]:mt-4 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:border [&_pre]:bg-muted/50 [&_pre]:p-4 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_.scroll-table]:mt-4 [&_.scroll-table]:overflow-x-auto [&_table]:text-sm [&_th]:border-b [&_th]:px-3 [&_th]:py-2 [&_th]:text-left [&_td]:border-b [&_td]:px-3 [&_td]:py-2 [&_td]:align-top",
].join(" ");

export default async function DocsPage() {
  const html = await readme();
  return (
    <>
      <SiteHeader current="docs" />
      <main id="main" tabIndex={-1} className="outline-none">
        <article className="mx-auto max-w-4xl px-4 py-16 sm:px-6 lg:px-8">
          <p className="text-sm font-medium text-primary">Docs</p>
          <h1 className="mt-2 text-4xl font-semibold tracking-tight">Keel</h1>
          {/* The repository's own README: trusted content, rendered at build time. */}
          <div className={prose} dangerouslySetInnerHTML={{ __html: html }} />
        </article>
      </main>
      <SiteFooter />
    </>
  );
}
