import { expect, test } from "./fixtures";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

type Received = { headers: Record<string, string>; body: string };

test("an owner adds a webhook endpoint, creates a project, and sees the signed delivery in the log", async ({ page }) => {
  // The customer's receiver: a real HTTP server on this machine.
  const received: Received[] = [];
  const receiver = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])), body: Buffer.concat(chunks).toString() });
    res.writeHead(200).end("ok");
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/keel`;
  const name = `Hooked ${Date.now().toString(36)}`;

  try {
    await page.goto("/sign-in?callbackUrl=/acme/settings/webhooks");
    await page.getByLabel("Email").fill("owner@acme.test");
    await page.getByLabel("Password").fill("keel-demo-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/acme\/settings\/webhooks$/);

    await page.getByRole("link", { name: /^Add (your first )?endpoint$/ }).first().click();
    const form = page.getByRole("form", { name: "Add a webhook endpoint" });
    await form.getByLabel("Endpoint URL").fill(url);
    await form.getByLabel(/Description/).fill("CRM sync");
    await form.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("signing-secret").textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("link", { name: "Go to the endpoint" }).click();
    await expect(page.getByRole("heading", { name: url })).toBeVisible();
    const endpointPage = page.url();

    await page.goto("/acme/projects");
    await page.getByRole("button", { name: /^(New project|Create your first project)$/ }).click();
    const create = page.getByRole("dialog", { name: "New project" });
    await create.getByLabel("Name", { exact: true }).fill(name);
    await create.getByRole("button", { name: "Create project" }).click();
    await expect(page.getByText("Project created.")).toBeVisible();

    await page.goto(endpointPage);
    const delivery = page.getByRole("list", { name: "Deliveries" }).getByRole("listitem").filter({ hasText: name });
    await expect(async () => {
      await page.reload();
      await expect(delivery).toContainText("Delivered", { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await delivery.getByText("project.created", { exact: true }).click();
    await expect(delivery.getByRole("cell", { name: "HTTP 200" })).toBeVisible();
    await expect(delivery.getByRole("button", { name: "Replay" })).toBeEnabled();

    // What arrived is the documented payload, signed with the secret shown once.
    const mine = received.find((r) => r.body.includes(name));
    expect(mine).toBeDefined();
    expect(new Webhook(secret).verify(mine!.body, mine!.headers)).toMatchObject({ type: "project.created", data: { name } });
  } finally {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
