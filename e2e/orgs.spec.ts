import { expect, test } from "./fixtures";
import { linkFromMailbox } from "./journey";

// An owner creates an organization and invites a teammate; the teammate signs up, verifies, accepts and lands in
// the organization as a member, without member management.

const DEMO_PASSWORD = "keel-demo-password";

/** The same URL on the app under test (email links carry the app's own origin). */
const local = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

test("an owner invites a teammate who signs up, verifies and joins as a member", async ({ browser }) => {
  const teammate = `teammate-${Date.now()}@example.test`;

  // The owner signs in and creates an organization.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await owner.goto("/sign-in");
  await owner.getByLabel("Email").fill("owner@acme.test");
  await owner.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await owner.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(owner).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });

  await owner.goto("/new");
  await owner.getByLabel("Organization name").fill("Initech");
  await owner.getByRole("button", { name: "Create organization" }).click();
  await expect(owner).toHaveURL(/\/initech[a-z0-9-]*\/projects$/, { timeout: 30_000 });
  const slug = new URL(owner.url()).pathname.split("/")[1]!;

  // ... creates a project in it ...
  await owner.getByRole("button", { name: /^(New project|Create your first project)$/ }).click();
  const create = owner.getByRole("dialog", { name: "New project" });
  await create.getByLabel("Name", { exact: true }).fill("TPS reports");
  await create.getByRole("button", { name: "Create project" }).click();
  await expect(owner.getByRole("list", { name: "Projects" }).getByRole("heading", { name: "TPS reports", exact: true })).toBeVisible();

  // ... and invites the teammate.
  await owner.goto(`/${slug}/settings/members`);
  await owner.getByLabel("Email").fill(teammate);
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${teammate}.`)).toBeVisible({ timeout: 30_000 });
  await expect(owner.getByRole("list", { name: "Pending invitations" }).getByRole("listitem").filter({ hasText: teammate })).toBeVisible();

  // The teammate, in another browser, signs up and verifies their address.
  const teammateContext = await browser.newContext();
  const page = await teammateContext.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Terry Teammate");
  await page.getByLabel("Email").fill(teammate);
  await page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/sign-up/, { timeout: 30_000 });
  await page.goto(local(await linkFromMailbox(page, teammate, /\/verify-email/)));
  await page.getByRole("button", { name: /Verify/ }).click();
  await expect(page).not.toHaveURL(/\/verify-email/, { timeout: 30_000 });

  // ... opens the invitation from their mailbox and accepts it.
  await page.goto(local(await linkFromMailbox(page, teammate, /\/invitations\//)));
  await expect(page.getByRole("heading", { name: "Join Initech" })).toBeVisible();
  await page.getByRole("button", { name: /Accept and join/ }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/projects$`), { timeout: 30_000 });
  await expect(page.getByRole("list", { name: "Projects" }).getByRole("heading", { name: "TPS reports", exact: true })).toBeVisible();

  // As a member they see the members but cannot manage them.
  await page.goto(`/${slug}/settings/members`);
  await expect(page.getByText(teammate)).toBeVisible();
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove" })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);

  await ownerContext.close();
  await teammateContext.close();
});

test("someone new opens an invitation, signs up with the invited address locked, verifies and comes back to join", async ({ browser }) => {
  const invitee = `invitee-${Date.now()}@example.test`;
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await owner.goto("/sign-in?callbackUrl=/globex/settings/members");
  await owner.getByLabel("Email").fill("owner@globex.test");
  await owner.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await owner.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(owner).toHaveURL(/\/globex\/settings\/members$/);
  await owner.getByRole("form", { name: "Invite a member" }).getByLabel("Email").fill(invitee);
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();
  await ownerContext.close();

  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } });
  const page = await context.newPage();
  const invitation = local(await linkFromMailbox(page, invitee, /\/invitations\//));
  await page.goto(invitation);
  await page.getByRole("link", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Join Globex Corporation" })).toBeVisible();
  await expect(page.getByText(/No organization of your own is created/)).toBeVisible();
  const email = page.getByLabel("Email");
  await expect(email).toHaveValue(invitee);
  await expect(email).not.toBeEditable();
  await page.getByLabel("Name").fill("Tina Teammate");
  await page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Verify your email" })).toBeVisible();

  await page.goto(local(await linkFromMailbox(page, invitee, /\/verify-email/)));
  await page.getByRole("button", { name: "Verify and continue" }).click();
  await expect(page).toHaveURL(new RegExp(`${invitation}$`));
  await page.getByRole("button", { name: /Accept and join/ }).click();
  await expect(page).toHaveURL(/\/globex\/projects$/);

  // Globex is their only organization: no "Tina Teammate's org" was made for them.
  await page.getByRole("button", { name: /switch organization/i }).click();
  await expect(page.getByRole("menuitem").filter({ hasText: "Tina Teammate's org" })).toHaveCount(0);
  await context.close();
});
