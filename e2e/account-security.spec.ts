import { Secret, TOTP } from "otpauth";
import { expect, test, type Page } from "./fixtures";
import { randomIp, uniqueEmail, linkFromMailbox } from "./journey";

const password = "a long enough password";
test.use({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });

/** A new, verified person signed in on `page`; returns their email. */
async function signedUpPerson(page: Page, label: string): Promise<string> {
  const email = uniqueEmail(label);
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Sam Rivera");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Verify your email" })).toBeVisible();
  await page.goto(await linkFromMailbox(page, email, /\/verify-email\?token=/));
  await page.getByRole("button", { name: "Verify and continue" }).click();
  await expect(page).toHaveURL(/\/[a-z0-9-]+\/projects$/);
  return email;
}

async function signOutFromMenu(page: Page) {
  await page.getByRole("button", { name: /^Account menu for/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

async function signInWithPassword(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Codes of an authenticator app made from the manual key on the page; never the same 30-second step twice. */
function authenticator(manualKey: string) {
  const totp = new TOTP({ secret: Secret.fromBase32(manualKey.replace(/\s/g, "")), digits: 6, period: 30, algorithm: "SHA1" });
  let lastStep = 0;
  return async () => {
    let step = Math.floor(Date.now() / 30_000);
    // The server accepts the next step's code too; past that, wait for the clock.
    if (step <= lastStep) step = lastStep + 1;
    while (step > Math.floor(Date.now() / 30_000) + 1) await new Promise((r) => setTimeout(r, 1_000));
    lastStep = step;
    return totp.generate({ timestamp: step * 30_000 + 1 });
  };
}

/** On /account/security: sets two-factor up and returns the app's code generator and the recovery codes. */
async function turnOnTwoFactor(page: Page) {
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const nextCode = authenticator((await page.getByTestId("manual-key").textContent())!);
  await page.getByLabel("2. Enter the 6-digit code it shows").fill(await nextCode());
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  const recoveryCodes = await page.getByTestId("recovery-code").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download codes" }).click();
  expect((await download).suggestedFilename()).toBe("keel-recovery-codes.txt");
  await page.getByRole("button", { name: /saved my codes/ }).click();
  await expect(page.getByText(/10 recovery codes left/)).toBeVisible();
  return { nextCode, recoveryCodes };
}

test("a person signs out from the user menu", async ({ page }) => {
  await signedUpPerson(page, "signout");
  await signOutFromMenu(page);
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Fsecurity$/);
});

test("a person turns on two-factor, then signs in with a code and with a recovery code that works only once", async ({ page }) => {
  const email = await signedUpPerson(page, "totp");
  await page.goto("/account/security");
  const { nextCode, recoveryCodes } = await turnOnTwoFactor(page);

  // Password, then the code: the session starts only after the second step.
  await signOutFromMenu(page);
  await signInWithPassword(page, email);
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signInWithPassword(page, email);
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText(/That code isn't valid/)).toBeVisible();
  await page.getByLabel("Authentication code").fill(await nextCode());
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/projects$/);

  // A recovery code signs in once.
  await signOutFromMenu(page);
  await signInWithPassword(page, email);
  await page.getByLabel("Authentication code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await page.goto("/account/security");
  await expect(page.getByText(/9 recovery codes left/)).toBeVisible();

  await signOutFromMenu(page);
  await signInWithPassword(page, email);
  await page.getByLabel("Authentication code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText(/That code isn't valid/)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
});

test("an organization that requires two-factor sends a member without it to set it up", async ({ page }) => {
  await signedUpPerson(page, "enforce");
  const slug = new URL(page.url()).pathname.split("/")[1]!;
  await page.goto(`/${slug}/settings`);
  await page.getByRole("button", { name: "Require two-factor for all members" }).click();
  await expect(page).toHaveURL(new RegExp(`/account/security\\?required=${slug}`));
  await expect(page.getByText("Two-factor authentication required")).toBeVisible();

  await page.goto(`/${slug}/projects`);
  await expect(page).toHaveURL(new RegExp(`/account/security\\?required=${slug}`));
  await turnOnTwoFactor(page);
  await page.goto(`/${slug}/projects`);
  await expect(page).toHaveURL(new RegExp(`/${slug}/projects$`));
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
});

test("a person changes their email through a link to the new address, and the old address undoes it", async ({ page }) => {
  const oldEmail = await signedUpPerson(page, "move-from");
  const newEmail = uniqueEmail("move-to");
  await page.goto("/account/security");
  const form = page.locator("form").filter({ has: page.getByLabel("New email address") });
  await form.getByLabel("New email address").fill(newEmail);
  await form.getByLabel("Current password").fill(password);
  await form.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByText(/Check the new inbox/)).toBeVisible();
  // Nothing changes before the new address confirms.
  await page.reload();
  await expect(page.getByText(`You sign in with ${oldEmail}`)).toBeVisible();

  await page.goto(await linkFromMailbox(page, newEmail, /\/verify-email\/change\?token=/));
  await page.getByRole("button", { name: "Confirm new address" }).click();
  await expect(page).toHaveURL(/\/account\/security\?email=changed$/);
  await expect(page.getByText(`You sign in with ${newEmail}`)).toBeVisible();

  await page.goto(await linkFromMailbox(page, oldEmail, /\/verify-email\/undo\?token=/));
  await page.getByRole("button", { name: /Undo the change/ }).click();
  await expect(page.getByText(/restored and every session was signed out/)).toBeVisible();
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill(oldEmail);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByText(`You sign in with ${oldEmail}`)).toBeVisible();
});
