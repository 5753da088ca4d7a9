import { expect, test, type Page } from "./fixtures";
import { randomIp } from "./journey";

// Forms as a person meets them: what was typed survives the server saying no, saved values show as saved,
// success is a toast that goes away, and focus and keyboard order make sense.

const DEMO_PASSWORD = "keel-demo-password";
test.use({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });

async function signIn(page: Page, email: string, callbackUrl: string) {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${callbackUrl}$`));
}

test("sign-up and sign-in keep what was typed when the server refuses it", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Tina Teammate");
  await page.getByLabel("Work email").fill("tina@example.test");
  await page.getByLabel("Password").fill("123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Tina Teammate");
  await expect(page.getByLabel("Work email")).toHaveValue("tina@example.test");

  // (An address with no account: the demo owners' sign-in budget is for the journeys that need them.)
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@example.test");
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /don't match/ })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("nobody@example.test");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("not the password");
});

test("the sign-in form's tab order is email, password, then the forgotten-password link", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Forgot password?" })).toBeFocused();
});

test("org settings, invitations and webhooks keep their fields after an error", async ({ page }) => {
  await signIn(page, "owner@globex.test", "/globex/settings");

  // Only spaces: the browser lets it through, the server trims it and refuses; the field must not snap back.
  const name = page.getByLabel("Name", { exact: true });
  await name.fill("  ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("At least 2 characters.")).toBeVisible();
  await expect(name).toHaveValue("  ");

  await page.goto("/globex/settings/members");
  const invite = page.getByRole("form", { name: "Invite a member" });
  await invite.getByLabel("Email").fill("owner@globex.test");
  await invite.getByLabel("Role").selectOption("admin");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByRole("alert")).toBeVisible();
  await expect(invite.getByLabel("Email")).toHaveValue("owner@globex.test");
  await expect(invite.getByLabel("Role")).toHaveValue("admin");

  await page.goto("/globex/settings/webhooks/new");
  const endpoint = page.getByRole("form", { name: "Add a webhook endpoint" });
  await endpoint.getByLabel("Endpoint URL").fill("https://10.0.0.8/hooks");
  await endpoint.getByLabel(/Description/).fill("CRM sync");
  await endpoint.getByRole("checkbox", { name: /project\.deleted/ }).uncheck();
  await endpoint.getByRole("button", { name: "Add endpoint" }).click();
  await expect(endpoint.getByText(/public/i).first()).toBeVisible();
  await expect(endpoint.getByLabel("Endpoint URL")).toHaveValue("https://10.0.0.8/hooks");
  await expect(endpoint.getByLabel(/Description/)).toHaveValue("CRM sync");
  await expect(endpoint.getByRole("checkbox", { name: /project\.deleted/ })).not.toBeChecked();
  await expect(endpoint.getByRole("checkbox", { name: /project\.created/ })).toBeChecked();
});

test("a role change shows the saved role, with a toast that goes away", async ({ page }) => {
  await signIn(page, "owner@acme.test", "/acme/settings/members");
  const role = page.getByLabel("Role of Max Member");
  const row = page.getByRole("listitem").filter({ has: role });
  await role.selectOption("admin");
  await row.getByRole("button", { name: "Save" }).click();
  const toast = page.getByText("Role updated.");
  await expect(toast).toBeVisible();
  await expect(role).toHaveValue("admin");
  await expect(toast).toBeHidden({ timeout: 15_000 });
  await page.reload();
  await expect(page.getByLabel("Role of Max Member")).toHaveValue("admin");

  // The audit log says it in words, names the member and shows the old and new role.
  await page.goto("/acme/settings/audit?action=member.role_changed");
  const entry = page.getByRole("row").filter({ hasText: "Changed a member's role" }).first();
  await expect(entry).toContainText("Max Member");
  await expect(entry).toContainText("member → admin");
  await page.goto("/acme/settings/audit?from=2026-12-10&to=2026-12-01&action=no.such_action");
  const problems = page.getByRole("alert").filter({ hasText: "can't match anything" });
  await expect(problems).toContainText("“From” is after “To”");
  await expect(problems).toContainText("not one the audit log records");
  await page.goto("/acme/settings/members");

  // Back as it was, for the other journeys.
  await page.getByLabel("Role of Max Member").selectOption("member");
  await page.getByRole("listitem").filter({ has: page.getByLabel("Role of Max Member") }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Role updated.")).toBeVisible();
  await expect(page.getByLabel("Role of Max Member")).toHaveValue("member");
});

test("creating projects moves focus to the new one, and at the plan's limit New project explains why it is off", async ({ page }) => {
  await signIn(page, "owner@globex.test", "/new");
  await page.getByLabel("Organization name").fill(`Limits ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/projects$/);

  for (const [i, projectName] of ["Alpha", "Beta", "Gamma"].entries()) {
    await page.getByRole("button", { name: /^(New project|Create your first project)$/ }).click();
    const dialog = page.getByRole("dialog", { name: "New project" });
    if (i === 0) {
      // A refused create keeps the dialog and what was typed.
      await dialog.getByLabel("Name", { exact: true }).fill("   ");
      await dialog.getByLabel(/Description/).fill("Kept after an error");
      await dialog.getByRole("button", { name: "Create project" }).click();
      await expect(dialog.getByText("Give the project a name.")).toBeVisible();
      await expect(dialog.getByLabel(/Description/)).toHaveValue("Kept after an error");
    }
    await dialog.getByLabel("Name", { exact: true }).fill(projectName);
    await dialog.getByRole("button", { name: "Create project" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("link", { name: projectName, exact: true })).toBeFocused();
  }

  const button = page.getByRole("button", { name: "New project" });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(/used all 3 projects/);
  await expect(page.getByText(/used all 3 projects/)).toHaveCount(1);
  await expect(page.getByRole("link", { name: /upgrade/i })).toHaveAttribute("href", "/pricing");

  // A project's own page: details, rename, its activity with old and new values, and delete.
  await page.getByRole("link", { name: "Alpha", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alpha" })).toBeVisible();
  await expect(page.getByText("Kept after an error")).toBeVisible();
  await page.getByRole("button", { name: "Edit Alpha" }).click();
  const edit = page.getByRole("dialog", { name: "Edit project" });
  await edit.getByLabel("Name", { exact: true }).fill("Alpha prime");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alpha prime" })).toBeVisible();
  const activity = page.getByRole("region", { name: "Activity" });
  await expect(activity.getByRole("listitem").first()).toContainText("Changed a project");
  await expect(activity.getByRole("listitem").first()).toContainText("Alpha → Alpha prime");
  await expect(activity).toContainText("Created a project");
  await page.getByRole("button", { name: "Delete Alpha prime" }).click();
  await page.getByRole("dialog", { name: "Delete Alpha prime?" }).getByRole("button", { name: "Delete project" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("link", { name: "Alpha prime", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New project" })).toBeEnabled();
});
