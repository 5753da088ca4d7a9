import { expectAccessible } from "./axe";
import { expect, test, type Page } from "./fixtures";

// axe over the main pages, signed out and signed in, in the light and the dark theme: a serious or critical
// violation fails. (label-content-name-mismatch and scrollable-region-focusable are "serious" in axe's best practices.)

const publicPages = ["/", "/pricing", "/docs", "/sign-in", "/sign-up", "/forgot-password", "/no/such/page"];
const appPages = ["/globex/projects", "/globex/settings", "/globex/settings/members", "/globex/settings/audit", "/globex/settings/webhooks", "/account", "/account/security"];

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("owner@globex.test");
  await page.getByLabel("Password", { exact: true }).fill("keel-demo-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/globex\/projects$/);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`the public pages pass axe (${colorScheme})`, async ({ page }) => {
      for (const path of publicPages) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /dark/ : /light/);
        await expectAccessible(page, `${path} (${colorScheme})`);
      }
    });

    test(`the app's main pages pass axe (${colorScheme})`, async ({ page }) => {
      await signIn(page);
      for (const path of appPages) {
        await page.goto(path);
        await expect(page.locator("main")).toBeVisible();
        await expectAccessible(page, `${path} (${colorScheme})`);
      }
      // A project's page, and the menus whose names must contain what they show.
      await page.goto("/globex/projects");
      await page.getByRole("link", { name: "Payments platform", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Payments platform" })).toBeVisible();
      await expectAccessible(page, `project page (${colorScheme})`);
      await page.getByRole("button", { name: /switch organization/i }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      await expectAccessible(page, `org switcher open (${colorScheme})`);
    });
  });
}

// WCAG 1.4.10 (reflow): at a phone's width nothing scrolls sideways; the tab rows of settings, account and admin
// scroll inside themselves instead of widening the page.
test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  const pagesOf = {
    "owner@acme.test": ["/acme/projects", "/acme/settings", "/acme/settings/members", "/acme/settings/billing", "/acme/settings/api-keys", "/acme/settings/webhooks", "/acme/settings/audit", "/account", "/account/security"],
    "admin@keel.test": ["/admin", "/admin/users", "/admin/orgs", "/admin/flags", "/admin/system"],
  };

  for (const [email, paths] of Object.entries(pagesOf)) {
    test(`no page of ${email} is wider than the screen`, async ({ page }) => {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password", { exact: true }).fill("keel-demo-password");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).not.toHaveURL(/\/sign-in/);
      for (const path of paths) {
        await page.goto(path);
        await expect(page.locator("main")).toBeVisible();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(390);
      }
    });
  }
});
