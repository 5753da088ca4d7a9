import { createHash } from "node:crypto";
import { expect, test, type Page } from "./fixtures";

// The Content Security Policy as a browser meets it. Every journey already fails on a violation (fixtures.ts);
// these check the policy itself: prerendered pages stay files with hashes, dynamic pages get a nonce, and an
// injected handler is blocked.

type Script = { text: string; nonce: string | null };

/** The inline scripts a browser parses out of `html` (the browser's own parser, not the build step's). */
async function inlineScriptsOf(page: Page, html: string): Promise<Script[]> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "text/html");
    return [...doc.querySelectorAll("script:not([src])")]
      .filter((s) => !s.getAttribute("type") || /^(text\/javascript|module)$/i.test(s.getAttribute("type")!))
      .map((s) => ({ text: s.textContent ?? "", nonce: s.getAttribute("nonce") }));
  }, html);
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The sources of one directive of a policy. */
function directive(policy: string, name: string): string[] {
  const found = policy.split(";").map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  return found ? found.slice(1) : [];
}

async function signIn(page: Page, callbackUrl: string) {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill("owner@acme.test");
  await page.getByLabel("Password").fill("keel-demo-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Password hashing is slow on purpose, and slower on a busy CI machine.
  await expect(page).toHaveURL(new RegExp(`${callbackUrl}$`), { timeout: 20_000 });
}

test("prerendered pages stay static, with the hashes of exactly their inline scripts and no nonce", async ({ page, request }) => {
  await page.goto("/api/health");
  // The not-found page is prerendered too: Next answers every path that matches no route with it.
  for (const [path, status] of [["/", 200], ["/docs", 200], ["/forgot-password", 200], ["/pricing/no-such-page", 404]] as const) {
    const response = await request.get(path);
    expect(response.status()).toBe(status);
    // Served from the build's prerendered file, not rendered for this request.
    if (status === 200) expect(response.headers()["x-nextjs-prerender"]).toBeTruthy();
    const policy = response.headers()["content-security-policy"]!;
    const scriptSrc = directive(policy, "script-src");
    expect(scriptSrc.some((s) => s.startsWith("'nonce-"))).toBe(false);
    expect(scriptSrc).not.toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");

    const scripts = await inlineScriptsOf(page, await response.text());
    expect(scripts.length).toBeGreaterThan(2); // the theme script and the App Router's payload at least
    const hashes = scriptSrc.filter((s) => s.startsWith("'sha256-"));
    expect(new Set(hashes)).toEqual(new Set(scripts.map((s) => sha256(s.text))));
    expect(scripts.every((s) => !s.nonce)).toBe(true);
  }
});

test("dynamic pages get a fresh nonce with 'strict-dynamic', and Next puts it on every script it renders", async ({ page, request }) => {
  await page.goto("/api/health");
  const nonces = new Set<string>();
  for (const path of ["/sign-in", "/sign-in", "/no-such-org"]) {
    const response = await request.get(path);
    const policy = response.headers()["content-security-policy"]!;
    const scriptSrc = directive(policy, "script-src");
    const nonce = /^'nonce-(.+)'$/.exec(scriptSrc[0] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(scriptSrc[1]).toBe("'strict-dynamic'");
    nonces.add(nonce!);

    expect(scriptSrc.some((s) => s.startsWith("'sha256-"))).toBe(false);
    // Next's own scripts and the theme script (components/theme-provider.tsx) all carry it.
    const scripts = await inlineScriptsOf(page, await response.text());
    expect(scripts.length).toBeGreaterThan(2);
    for (const script of scripts) expect(script.nonce, script.text.slice(0, 80)).toBe(nonce);
  }
  expect(nonces.size).toBe(3);
});

test("every response locks down framing, plugins and the base URL", async ({ request }) => {
  for (const path of ["/", "/sign-in", "/api/health", "/no-such-org"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const policy = response.headers()["content-security-policy"];
    expect(policy, path).toBeTruthy();
    expect(directive(policy!, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(policy!, "object-src")).toEqual(["'none'"]);
    expect(directive(policy!, "base-uri")).toEqual(["'self'"]);
    expect(directive(policy!, "script-src-attr")).toEqual(["'none'"]);
    expect(directive(policy!, "script-src")).not.toContain("'unsafe-eval'");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  }
});

test.describe("an injected inline event handler", () => {
  test.use({ allowCspViolations: true });

  for (const path of ["/pricing", "/sign-in"]) {
    test(`never runs on ${path}, and the journey guard sees the violation`, async ({ page, cspViolations }) => {
      await page.goto(path);
      await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img alt="" src="data:," onerror="window.__injected = true" onload="window.__injected = true">'));
      await expect.poll(() => cspViolations.filter((v) => v.includes("script-src-attr")).length).toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    });
  }
});

test("a signed-in owner walks the app without a single violation", async ({ page }) => {
  test.setTimeout(240_000);
  // Static page first, then client-side navigation into the app: the document keeps the static page's policy.
  await page.goto("/");
  await page.getByRole("link", { name: /sign in/i }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, "/acme/projects");
  for (const path of ["/acme", "/acme/projects", "/acme/settings", "/acme/settings/members", "/acme/settings/audit", "/acme/settings/webhooks", "/acme/settings/webhooks/new", "/account", "/account/security", "/account/data", "/new", "/pricing", "/"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    // "load", not "networkidle": some app pages keep prefetching or refreshing, so the network may never go idle.
    await page.waitForLoadState("load");
  }
  // Client-side navigation between dynamic pages, and a dialog (Radix scroll lock injects a <style>).
  await page.goto("/acme/projects");
  await page.getByRole("button", { name: /^(New project|Create your first project)$/ }).click();
  await expect(page.getByRole("dialog", { name: "New project" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("link", { name: /settings/i }).first().click();
  await expect(page).toHaveURL(/\/acme\/settings/);
  // An email in the dev mailbox renders in a sandboxed iframe, which inherits the page's policy. Asking for a reset
  // link puts one there.
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("member@acme.test");
  await page.getByRole("button", { name: /send|reset/i }).click();
  await expect(async () => {
    await page.goto("/dev/mailbox?to=member%40acme.test");
    await page.locator('a[href^="/dev/mailbox/"]').first().click({ timeout: 2_000 });
    await expect(page.locator("iframe").first()).toBeVisible();
  }).toPass({ timeout: 60_000 });
  await page.goto("/pricing/no-such-page");
  await expect(page.getByRole("link", { name: /home/i }).first()).toBeVisible();
});
