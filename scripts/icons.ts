// Renders Keel's favicon set and Open Graph image into public/ from app/icon.svg, with the system Chromium (no
// download, no image library). Run after changing the mark: `npm run icons`, then commit public/.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..");
const svg = fs.readFileSync(path.join(root, "app/icon.svg"), "utf8");
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
const page = await browser.newPage();

async function render(html: string, width: number, height: number): Promise<Buffer> {
  await page.setViewportSize({ width, height });
  await page.setContent(`<!doctype html><html><body style="margin:0">${html}</body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width, height } });
}

const icon = (size: number) => render(`<div style="width:${size}px;height:${size}px">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</div>`, size, size);

/** An .ico holding one PNG (every browser since IE 11 reads PNG inside ICO). */
function ico(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header.writeUInt8(size >= 256 ? 0 : size, 6);
  header.writeUInt8(size >= 256 ? 0 : size, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // the PNG starts right after this 22-byte header
  return Buffer.concat([header, png]);
}

const out = (name: string, data: Buffer) => fs.writeFileSync(path.join(root, "public", name), data);
out("favicon.ico", ico(await icon(32), 32));
out("apple-touch-icon.png", await icon(180));
out("icon-192.png", await icon(192));
out("icon-512.png", await icon(512));
out(
  "og.png",
  await render(
    `<div style="width:1200px;height:630px;box-sizing:border-box;padding:88px;display:flex;flex-direction:column;justify-content:space-between;background:linear-gradient(135deg,#14151c,#1e2240);color:#fff;font-family:Inter,system-ui,sans-serif">
      <div style="display:flex;align-items:center;gap:24px">${svg.replace("<svg ", '<svg width="88" height="88" ')}<span style="font-size:56px;font-weight:600">Keel</span></div>
      <div><div style="font-size:64px;font-weight:600;line-height:1.1;max-width:960px">The open-source SaaS starter kit on Next.js</div>
      <div style="margin-top:24px;font-size:30px;color:#b8bdd9">Organizations isolated by Postgres Row-Level Security · sign-in · jobs · webhooks</div></div>
    </div>`,
    1200,
    630,
  ),
);
await browser.close();
console.log("icons: wrote favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png and og.png to public/");
