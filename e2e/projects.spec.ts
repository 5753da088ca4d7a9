import { expect, test } from "./fixtures";

test("an owner creates, renames and deletes a project, and finds the deletion in the audit log", async ({ page }) => {
  const name = `Launch plan ${Date.now().toString(36)}`;
  const renamed = `${name} v2`;

  await page.goto("/sign-in?callbackUrl=/acme/projects");
  await page.getByLabel("Email").fill("owner@acme.test");
  await page.getByLabel("Password").fill("keel-demo-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/acme\/projects$/);

  await page.getByRole("button", { name: /^(New project|Create your first project)$/ }).click();
  const create = page.getByRole("dialog", { name: "New project" });
  await create.getByLabel("Name", { exact: true }).fill(name);
  await create.getByLabel(/Description/).fill("Everything for the Q3 launch.");
  await create.getByRole("button", { name: "Create project" }).click();
  const list = page.getByRole("list", { name: "Projects" });
  await expect(list.getByRole("heading", { name, exact: true })).toBeVisible();
  await expect(page.getByText("Project created.")).toBeVisible();

  await page.getByRole("button", { name: `Edit ${name}`, exact: true }).click();
  const edit = page.getByRole("dialog", { name: "Edit project" });
  await edit.getByLabel("Name", { exact: true }).fill(renamed);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(list.getByRole("heading", { name: renamed, exact: true })).toBeVisible();

  await page.getByRole("button", { name: `Delete ${renamed}`, exact: true }).click();
  const confirm = page.getByRole("dialog", { name: `Delete ${renamed}?` });
  await expect(confirm).toContainText("can't be undone");
  await confirm.getByRole("button", { name: "Delete project" }).click();
  await expect(page.getByText("Project deleted.")).toBeVisible();
  await expect(page.getByRole("heading", { name: renamed, exact: true })).toHaveCount(0);

  await page.goto("/acme/settings/audit");
  await page.getByLabel("Action").selectOption("project.deleted");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=project\.deleted/);
  const row = page.getByRole("row").filter({ hasText: renamed });
  await expect(row).toContainText("Deleted a project");
  await expect(row).toContainText("owner@acme.test");
});
