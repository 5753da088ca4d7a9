import { expect, test } from "./fixtures";

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

test("an unknown page answers 404 with a way back", async ({ page }) => {
  // (A signed-out visitor of /anything is sent to sign-in first: the first segment may be an organization.)
  const response = await page.goto("/pricing/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: /home/i }).first()).toBeVisible();
});

test("health answers with the version and a passing database check", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", checks: { database: { status: "ok" } } });
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(response.headers()["x-request-id"]).toBeTruthy();
});
