import fs from "node:fs/promises";
import { extractText, getDocumentProxy } from "unpdf";
import { expect, test, type Page } from "./fixtures";

async function signIn(page: Page, email: string, to: string) {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(to)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("keel-demo-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${to.replace(/[/?]/g, "\\$&")}$`));
}

test("an owner upgrades to Pro through checkout, sees it on the billing and pricing pages, and downloads the invoice PDF", async ({ page }) => {
  await signIn(page, "owner@globex.test", "/globex/settings/billing");
  await expect(page.getByTestId("current-plan")).toHaveText("Free");

  await page.getByRole("button", { name: "Upgrade to Pro" }).click();
  // The Stripe fake's checkout page: paying sends the signed events to Keel and returns to the billing page.
  await expect(page.getByRole("heading", { name: "Subscribe to Keel Pro" })).toBeVisible();
  await page.getByRole("button", { name: "Pay and subscribe" }).click();
  await expect(page).toHaveURL(/\/globex\/settings\/billing\?checkout=success$/);
  await expect(page.getByText("Thank you")).toBeVisible();

  // The webhook is processed by a job: the page shows Pro once it has run.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("current-plan")).toContainText("Pro", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("current-plan")).toContainText("Active");
  await expect(page.getByText("Visa •••• 4242")).toBeVisible();

  const invoices = page.getByRole("list", { name: "Invoices" });
  await expect(async () => {
    await page.reload();
    await expect(invoices.getByRole("link", { name: /PDF/ })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  const number = (await invoices.locator(".font-mono").first().textContent())!.trim();
  await expect(invoices).toContainText("$29.00");
  const [download] = await Promise.all([page.waitForEvent("download"), invoices.getByRole("link", { name: /PDF/ }).first().click()]);
  const bytes = await fs.readFile((await download.path())!);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  expect(text).toContain(`Invoice ${number}`);
  expect(text).toContain("$29.00");

  await page.goto("/pricing");
  await expect(page.getByRole("group", { name: "Pro", exact: true })).toContainText("Your plan");
  await expect(page.getByRole("group", { name: "Pro", exact: true }).getByRole("button", { name: "Current plan" })).toBeDisabled();
});

test("a member sees the plan read-only: no upgrade, no invoices", async ({ page }) => {
  await signIn(page, "member@acme.test", "/acme/settings/billing");
  await expect(page.getByTestId("current-plan")).toBeVisible();
  await expect(page.getByText("Only owners can change it or see invoices.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Upgrade to/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Manage billing/ })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Invoices" })).toHaveCount(0);
});
