import { expect, test } from "./fixtures";
import { randomIp } from "./journey";

test.use({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });

for (const colorScheme of ["light", "dark"] as const) {
  for (const width of [390, 1280]) {
    test(`shots ${colorScheme} ${width}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill("admin@keel.test");
      await page.getByLabel("Password", { exact: true }).fill("keel-demo-password");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).not.toHaveURL(/\/sign-in/);
      await page.goto("/admin?range=12m");
      await expect(page.getByTestId("metrics-chart")).toHaveCount(4);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `/tmp/metrics-shot-${colorScheme}-${width}.png`, fullPage: true });
    });
  }
}
