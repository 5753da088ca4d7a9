import { expect, test } from "./fixtures";
import { linkFromMailbox, randomIp, uniqueEmail } from "./journey";

test.use({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });

test("a visitor picks Pro on the pricing page, signs up, verifies their email and lands in checkout, then on Pro", async ({ page }) => {
  const email = uniqueEmail("start-pro");
  await page.goto("/pricing");
  await page.getByRole("group", { name: "Pro", exact: true }).getByRole("link", { name: "Start Pro" }).click();

  // The plan rides along through sign-up…
  await expect(page).toHaveURL(/\/sign-up\?callbackUrl=/);
  await page.getByLabel("Name").fill("Robin Park");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("a long enough password for keel");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Verify your email" })).toBeVisible();

  // …and email verification, straight into Stripe Checkout (the fake's page) for the new organization.
  const link = await linkFromMailbox(page, email, /\/verify-email\?token=/);
  expect(decodeURIComponent(link)).toContain("/billing/checkout?plan=pro&interval=month");
  await page.goto(link);
  await page.getByRole("button", { name: "Verify and continue" }).click();
  await expect(page.getByRole("heading", { name: "Subscribe to Keel Pro" })).toBeVisible();
  await page.getByRole("button", { name: "Pay and subscribe" }).click();

  await expect(page).toHaveURL(/\/settings\/billing\?checkout=success$/);
  // The subscription arrives by webhook and a job: the page shows Pro (in its trial) once it has run.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("current-plan")).toContainText("Pro", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("current-plan")).toContainText(/Trial|Active/);
});
