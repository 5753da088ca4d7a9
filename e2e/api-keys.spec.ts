import { expect, test } from "./fixtures";

test("an owner creates an API key, lists projects with it, sees it used, and revokes it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const name = `CI ${Date.now().toString(36)}`;

  await page.goto("/sign-in?callbackUrl=/acme/settings/api-keys");
  await page.getByLabel("Email").fill("owner@acme.test");
  await page.getByLabel("Password").fill("keel-demo-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/acme\/settings\/api-keys$/);

  const form = page.getByRole("form", { name: "Create an API key" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("checkbox", { name: /projects:read/ }).check();
  await form.getByRole("button", { name: "Create key" }).click();
  const shown = (await page.getByTestId("api-key-secret").textContent())!;
  expect(shown).toMatch(/^keel_(live|test)_/);

  // The copy button puts exactly the key on the clipboard; that is what the integration uses.
  await page.getByRole("button", { name: "Copy API key" }).click();
  const key = await page.evaluate(() => navigator.clipboard.readText());
  expect(key).toBe(shown);

  const api = (headers: Record<string, string>) => page.request.get("/api/v1/orgs/acme/projects?limit=5", { headers });
  const listed = await api({ authorization: `Bearer ${key}` });
  expect(listed.status()).toBe(200);
  expect(listed.headers()["ratelimit-limit"]).toBeTruthy();
  const body = (await listed.json()) as { projects: { name: string }[] };
  expect(body.projects.length).toBeGreaterThan(0);

  // The list shows the key by its prefix, with "last used" once the request was recorded.
  await page.getByRole("button", { name: "Done" }).click();
  const row = page.getByTestId("api-key-row").filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 18));
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId("api-key-last-used")).not.toHaveText("never", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("Key revoked")).toBeVisible();
  await expect(row).toContainText("Revoked");

  const refused = await api({ authorization: `Bearer ${key}` });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
});

test("the API reference renders the documented operations, from the app's own bundle", async ({ page }) => {
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await expect(page.getByTestId("api-reference").getByText("List projects").first()).toBeVisible({ timeout: 30_000 });
});
