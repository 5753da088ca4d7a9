import { expect, test, type Page } from "./fixtures";
import { randomIp, uniqueEmail, linkFromMailbox } from "./journey";

const password = "a long enough password";
test.use({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });

async function signUp(page: Page, email: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Jordan Lee");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Verify your email" })).toBeVisible();
}

async function verify(page: Page, email: string) {
  const link = await linkFromMailbox(page, email, /\/verify-email\?token=/);
  await page.goto(link);
  await page.getByRole("button", { name: "Verify and continue" }).click();
  await expect(page).toHaveURL(/\/[a-z0-9-]+\/projects$/);
}

test("a person signs up with a password, verifies their email and lands in their own organization", async ({ page }) => {
  const email = uniqueEmail("signup");
  await signUp(page, email);
  await verify(page, email);
  expect(new URL(page.url()).pathname).toMatch(/^\/jordan-lee-s-org[a-z0-9-]*\/projects$/);
  // A signed-in person sent to sign-in goes straight back into the app.
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/projects$/);
});

test("a person signs in with a link from their email", async ({ page }) => {
  const email = uniqueEmail("magic");
  await page.goto("/sign-in");
  await page.getByRole("button", { name: /email link instead/i }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: /email me a sign-in link/i }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const link = await linkFromMailbox(page, email, /\/api\/auth\/callback\/email/);
  await page.goto(link);
  await expect(page).toHaveURL(/\/[a-z0-9-]+\/projects$/);
});

test("a person who forgot their password resets it from the email and is signed in", async ({ page }) => {
  const email = uniqueEmail("reset");
  await signUp(page, email);
  await verify(page, email);
  await page.context().clearCookies();

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/if an account exists/i)).toBeVisible();
  const link = await linkFromMailbox(page, email, /\/reset-password\?token=/);
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("my brand new password");
  await page.getByLabel("Confirm new password").fill("my brand new password");
  await page.getByRole("button", { name: /set new password/i }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByText("Your password was changed.", { exact: false })).toBeVisible();

  // The spent link says so at once, with no form that could only fail.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: /expired or was already used/ })).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);

  // The old password no longer works; the new one does.
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /don't match/ })).toBeVisible();
});

test("signing out of all other sessions ends the other browser's session", async ({ browser }) => {
  const email = uniqueEmail("sessions");
  const laptop = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const phone = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const a = await laptop.newPage();
  const b = await phone.newPage();
  await signUp(a, email);
  await verify(a, email);

  await b.goto("/sign-in?callbackUrl=%2Faccount%2Fsecurity");
  await b.getByLabel("Email").fill(email);
  await b.getByLabel("Password").fill(password);
  await b.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(b).toHaveURL(/\/account\/security$/);

  await a.goto("/account/security");
  await expect(a.getByTestId("session-row")).toHaveCount(2);
  await expect(a.getByText("This device")).toBeVisible();
  await a.getByRole("button", { name: "Sign out of all other sessions" }).click();
  await expect(a.getByText("Signed out of all other sessions.")).toBeVisible();
  await expect(a.getByTestId("session-row")).toHaveCount(1);

  await b.reload();
  await expect(b).toHaveURL(/\/sign-in\?callbackUrl=/);
  await laptop.close();
  await phone.close();
});

test("signed-out visitors of app pages are sent to sign-in and brought back", async ({ page }) => {
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Fsecurity$/);
  await page.getByLabel("Email").fill("owner@acme.test");
  await page.getByLabel("Password").fill("keel-demo-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole("heading", { name: "Security" })).toBeVisible();
});

test("used, expired or unknown links show their error at once, with no button that can only fail", async ({ page }) => {
  const unknown = "x".repeat(43);
  await page.goto(`/verify-email?token=${unknown}`);
  await expect(page.getByRole("heading", { name: /expired or was already used/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Verify and continue" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Send a new link" })).toBeVisible();

  await page.goto(`/reset-password?token=${unknown}`);
  await expect(page.getByRole("heading", { name: /expired or was already used/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /set new password/i })).toHaveCount(0);

  await page.goto(`/invitations/${unknown}`);
  await expect(page.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
  await expect(page.getByRole("button", { name: /accept/i })).toHaveCount(0);
});
