import { expectAccessible } from "./axe";
import { expect, test, type Page } from "./fixtures";

const FLAG = "projects.quick_filter";

async function signIn(page: Page, email: string, to: string) {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(to)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("keel-demo-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${to.replace(/[.]/g, "\\.")}$`));
}

test("the platform admin turns the projects quick filter on for acme only: acme's owner gets it, globex's does not", async ({ page, browser }) => {
  await signIn(page, "admin@keel.test", "/admin/flags");
  const flags = page.getByRole("list", { name: "Feature flags" });
  await expect(flags.getByRole("listitem").filter({ hasText: FLAG })).toContainText("Default off");
  await expectAccessible(page, "/admin/flags");

  await flags.getByRole("link", { name: FLAG }).click();
  await expect(page.getByRole("heading", { level: 1, name: FLAG })).toBeVisible();
  const add = page.getByRole("form", { name: "Add an override" });
  await add.getByLabel("Organization slug").fill("acme");
  await add.getByRole("radio", { name: "On", exact: true }).check();
  await add.getByRole("button", { name: "Save override" }).click();
  await expect(page.getByText("Override saved.")).toBeVisible();
  const overrides = page.getByRole("list", { name: "Organizations that override this flag" });
  const acmeRow = overrides.getByRole("listitem").filter({ hasText: "acme" });
  await expect(acmeRow).toContainText("On");
  await expect(overrides.getByRole("listitem")).toHaveCount(1);
  await expectAccessible(page, `/admin/flags/${FLAG}`);

  // Acme's owner: the beta filter box is there and narrows the list.
  const acme = await (await browser.newContext()).newPage();
  await signIn(acme, "owner@acme.test", "/acme/projects");
  const filter = acme.getByRole("searchbox", { name: "Filter projects" });
  await expect(filter).toBeVisible();
  const projects = acme.getByRole("list", { name: "Projects" });
  await filter.fill("warehouse");
  await expect(projects.getByRole("heading", { name: "Data warehouse" })).toBeVisible();
  await expect(projects.getByRole("heading", { name: "Website relaunch" })).toHaveCount(0);
  await expect(acme.getByText(/^Showing 1 of \d+ projects$/)).toBeVisible();
  await expectAccessible(acme, "/acme/projects with the quick filter");
  await acme.context().close();

  // Globex's owner: the same page without it.
  const globex = await (await browser.newContext()).newPage();
  await signIn(globex, "owner@globex.test", "/globex/projects");
  await expect(globex.getByRole("list", { name: "Projects" }).getByRole("heading", { name: "Payments platform" })).toBeVisible();
  await expect(globex.getByRole("searchbox", { name: "Filter projects" })).toHaveCount(0);
  await globex.context().close();

  // Back as it was, so the journey can run again on the same server.
  await acmeRow.getByRole("button", { name: /Remove the override of/ }).click();
  await expect(page.getByText("Override removed.")).toBeVisible();
  await expect(page.getByText("No organization overrides this flag.")).toBeVisible();
});
