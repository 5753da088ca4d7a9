import { expectAccessible } from "./axe";
import { expect, test, type Page } from "./fixtures";

async function signIn(page: Page, email: string, to: string) {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(to)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("keel-demo-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${to.replace(/[/?]/g, "\\$&")}$`));
}

test("a platform admin finds a member, signs in as them with a reason, sees the banner, and stops", async ({ page }) => {
  await signIn(page, "admin@keel.test", "/account");
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin$/);

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search users" }).fill("member@acme.test");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/admin\/users\?q=member%40acme\.test$/);
  const users = page.getByRole("region", { name: "Users" });
  await expectAccessible(page, "admin users list");
  await users.getByRole("link", { name: "member@acme.test" }).click();

  await expect(page.getByRole("heading", { name: "member@acme.test", level: 1 })).toBeVisible();
  await expectAccessible(page, "admin user page");
  await page.getByLabel("Reason", { exact: true }).fill("Support ticket 4242: cannot see projects");
  await page.getByRole("button", { name: "Sign in as this person" }).click();

  // The member's home: their organization's projects.
  await expect(page).toHaveURL(/\/acme\/projects$/);
  const banner = page.getByRole("region", { name: "Impersonation" });
  await expect(banner).toContainText("You are signed in as");
  await expect(banner).toContainText("member@acme.test");
  await expectAccessible(page, "projects while impersonating");
  // The console is closed to the impersonation session.
  expect((await page.request.get("/admin")).status()).toBe(404);

  await banner.getByRole("button", { name: "Stop impersonating" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "member@acme.test", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Impersonation" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Recent activity" })).toContainText("admin.impersonation.stopped");
});

test("organizations and system pages are searchable and readable", async ({ page }) => {
  await signIn(page, "admin@keel.test", "/admin/orgs?q=acme");
  const orgs = page.getByRole("region", { name: "Organizations" });
  await expect(orgs.getByRole("link", { name: /Acme/ }).first()).toBeVisible();
  await expectAccessible(page, "admin organizations list");
  await orgs.getByRole("link", { name: /Acme/ }).first().click();
  await expect(page.getByRole("heading", { name: "Comp plan" })).toBeVisible();
  await expectAccessible(page, "admin organization page");

  await page.goto("/admin/system");
  await expect(page.getByText("Outbox backlog")).toBeVisible();
  await expect(page.getByText(/Cache \(/)).toBeVisible();
  await expectAccessible(page, "admin system page");
});
