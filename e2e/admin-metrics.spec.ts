import { expectAccessible } from "./axe";
import { expect, test, type Page } from "./fixtures";
import { randomIp } from "./journey";

// The founder's morning: the platform admin opens the console from the user menu and reads the business metrics
// the seeded history produced (the e2e server seeds it and runs the aggregation).

test.use({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });

async function signInAsAdmin(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@keel.test");
  await page.getByLabel("Password", { exact: true }).fill("keel-demo-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** A chart counts as drawn when its SVG holds a series: an area, line or bar with a shape. */
async function expectChartsDrawn(page: Page) {
  const charts = page.getByTestId("metrics-chart");
  await expect(charts).toHaveCount(4);
  for (const chart of await charts.all()) {
    await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
    await expect(chart.locator(".recharts-area-area, .recharts-line-curve, .recharts-bar-rectangle path").first()).toBeAttached();
  }
}

test("the platform admin reads MRR, churn, growth and cohorts, and changes the period", async ({ page }) => {
  await signInAsAdmin(page);
  // A platform admin with no organization of their own lands on "Create an organization"; the account pages have the menu.
  await page.goto("/account");
  await page.getByRole("button", { name: /Pat Admin/ }).click();
  await page.getByRole("menuitem", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Metrics" })).toBeVisible();

  // Six headline figures; revenue is not zero, and each says what it is compared with.
  const cards = page.getByTestId("metric-card");
  await expect(cards).toHaveCount(6);
  const mrr = cards.filter({ has: page.getByRole("heading", { name: "MRR", exact: true }) });
  await expect(mrr.locator("p").first()).toHaveText(/^\$[1-9][\d,]*$/);
  await expect(cards.filter({ hasText: "Paying organizations" })).toContainText("vs 30 days before");
  await expectChartsDrawn(page);

  // The cohort heat map is a real table: a row per cohort, with its share in words.
  const cohorts = page.getByRole("table", { name: /Share of each month/ });
  await expect(cohorts.getByRole("columnheader", { name: "Cohort" })).toBeVisible();
  expect(await cohorts.getByRole("row").count()).toBeGreaterThan(6);
  await expect(cohorts.getByRole("cell", { name: /^\d+(\.\d)?%$/ }).first()).toBeVisible();

  // The period is a link: 12 months buckets signups by month, 30 days by day.
  const period = page.getByRole("navigation", { name: "Period" });
  await expect(period.getByRole("link", { name: "90 days" })).toHaveAttribute("aria-current", "page");
  await period.getByRole("link", { name: "12 months" }).click();
  await expect(page).toHaveURL(/\/admin\?range=12m$/);
  await expect(period.getByRole("link", { name: "12 months" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Signups per month")).toBeVisible();
  await expectChartsDrawn(page);
  await period.getByRole("link", { name: "30 days" }).click();
  await expect(page).toHaveURL(/\/admin\?range=30d$/);
  await expect(page.getByText("Signups per day")).toBeVisible();
  await expectChartsDrawn(page);
  await expectAccessible(page, "/admin?range=30d");

  // On demand: the job is queued (and audited); the page says so.
  await page.getByRole("button", { name: "Aggregate now" }).click();
  await expect(page.getByText(/Aggregation queued/).first()).toBeVisible();
});

test.describe("dark theme", () => {
  test.use({ colorScheme: "dark" });

  test("the metrics page passes axe in the dark theme", async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto("/admin?range=all");
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expectChartsDrawn(page);
    await expectAccessible(page, "/admin?range=all (dark)");
  });
});
