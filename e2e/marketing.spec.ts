import { expect, test } from "./fixtures";
import { randomIp } from "./journey";

test("a founder lands on the home page and finds what Keel is and how to start", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SaaS starter kit");
  await expect(page.getByText("npm install && npm run dev").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: /tenant isolation/i })).toBeVisible();
  const cta = page.getByRole("main").getByRole("link", { name: "Get started" }).first();
  await expect(cta).toHaveAttribute("href", /\/sign-up/);
  await page.getByRole("main").getByRole("link", { name: /see pricing/i }).first().click();
  await expect(page).toHaveURL(/\/pricing$/);
});

test("the pricing page shows each plan with its price, limits and call to action", async ({ page }) => {
  await page.goto("/pricing");
  await expect(page.getByRole("heading", { level: 1, name: "Pricing" })).toBeVisible();
  const checkout = (plan: string, interval: string) => `/sign-up?callbackUrl=${encodeURIComponent(`/billing/checkout?plan=${plan}&interval=${interval}`)}`;
  for (const [plan, price, href] of [
    ["Free", "$0", "/sign-up"],
    ["Pro", "$29", checkout("pro", "month")],
    ["Business", "$19", checkout("business", "month")],
  ] as const) {
    const card = page.getByRole("group", { name: plan, exact: true });
    await expect(card).toContainText(price);
    await expect(card.getByRole("link").first()).toHaveAttribute("href", href);
  }
  // Yearly: ten months' price, and "Start Pro" carries the yearly period into checkout.
  await page.getByRole("radio", { name: /Yearly/ }).check({ force: true });
  await expect(page.getByRole("group", { name: "Pro", exact: true })).toContainText("$290");
  await expect(page.getByRole("group", { name: "Pro", exact: true }).getByRole("link").first()).toHaveAttribute("href", checkout("pro", "year"));
  await expect(page.getByRole("group", { name: "Business" })).toContainText("Unlimited members");
  await expect(page.getByRole("group", { name: "Free" })).toContainText("3 members");
  await expect(page.getByText("Most popular")).toBeVisible();
});

test("dark mode applies the dark theme", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto("/pricing");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await context.close();
});

test("an unknown page answers 404 with a way back, never a sign-in page", async ({ page }) => {
  // Signed out: a 404 with sign-in and sign-up, never a sign-in page for a path that doesn't exist.
  for (const path of ["/pricing/no-such-page", "/acme/no-such-section", "/no/such/page", "/Robots.TXT"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  }
  await expect(page.getByRole("link", { name: /home/i }).first()).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Get started" })).toBeVisible();
});

test("a signed-in visitor of an unknown page gets the way back to their organization and account", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const page = await context.newPage();
  await page.goto("/no/such/page");
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("owner@acme.test");
  await page.getByLabel("Password", { exact: true }).fill("keel-demo-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/acme\/projects$/);

  // The 404 stays a prerendered page; it asks who is visiting after load.
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(main.getByRole("link", { name: "Go to Acme Inc." })).toHaveAttribute("href", "/acme/projects");
  await expect(main.getByRole("link", { name: "Your account" })).toHaveAttribute("href", "/account");
  await expect(page.getByRole("banner").getByRole("link", { name: "Open app" })).toHaveAttribute("href", "/acme/projects");
  await expect(page.getByRole("banner").getByRole("link", { name: "Get started" })).toHaveCount(0);
  await main.getByRole("link", { name: "Go to Acme Inc." }).click();
  await expect(page).toHaveURL(/\/acme\/projects$/);
  await context.close();
});

test("robots.txt, the sitemap, the favicon and the Open Graph image are served to anyone", async ({ request, page }) => {
  const robots = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/Sitemap: http.*\/sitemap\.xml/);
  const sitemap = await request.get("/sitemap.xml", { maxRedirects: 0 });
  expect(sitemap.status()).toBe(200);
  expect(await sitemap.text()).toContain("/pricing</loc>");
  for (const [path, type] of [["/favicon.ico", /image\//], ["/apple-touch-icon.png", /image\/png/], ["/og.png", /image\/png/]] as const) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
  }
  await page.goto("/");
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/og\.png$/);
});

test("health answers with the version and a passing database check", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", checks: { database: { status: "ok" } } });
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(response.headers()["x-request-id"]).toBeTruthy();
});
