import { expect, test, type Page } from "./fixtures";

/** The runs of one function in /dev/jobs' list of recent runs, newest first. */
const runsOf = (page: Page, functionId: string) =>
  page.getByRole("list", { name: "Runs" }).locator(":scope > li").filter({ has: page.locator("summary span", { hasText: new RegExp(`^${functionId}$`) }) });

// A developer on /dev/jobs runs a scheduled function without waiting for its schedule, then replays the run.
test("Run now starts a cron function's run, and Replay a second run of the same event", async ({ page }) => {
  await page.goto("/dev/jobs");
  // The daily cleanup: no run of it yet on this fresh server (its schedule is 03:17 UTC).
  const cleanupRuns = runsOf(page, "keel-cleanup");
  await expect(cleanupRuns).toHaveCount(0);

  await page.getByRole("region", { name: "Functions" }).getByRole("button", { name: "Run now keel-cleanup" }).click();
  await expect(page.getByText("Run started.")).toBeVisible();
  await expect(cleanupRuns).toHaveCount(1);
  const first = cleanupRuns.first();
  await expect(first.locator("summary").first().getByText("completed", { exact: true })).toBeVisible();

  await first.locator("summary").first().click();
  const ids = await first.getByText(/^run \S+ · event \S+$/).textContent();
  const eventId = ids!.split(" · event ")[1]!;
  await first.getByRole("button", { name: "Replay" }).click();
  await expect(page.getByText("Replay started.")).toBeVisible();
  await expect(cleanupRuns).toHaveCount(2);
  // Newest first: the replay is on top, with the same event and a run id of its own.
  const replay = cleanupRuns.first();
  await expect(replay.locator("summary").first().getByText("completed", { exact: true })).toBeVisible();
  await replay.locator("summary").first().click();
  const replayIds = await replay.getByText(/^run \S+ · event \S+$/).textContent();
  expect(replayIds!.split(" · event ")[1]).toBe(eventId);
  expect(replayIds).not.toBe(ids);
});

test("Run now on an event function refuses data that is not a JSON object, and keeps what was typed", async ({ page }) => {
  await page.goto("/dev/jobs");
  const row = page.getByRole("region", { name: "Functions" }).getByRole("listitem").filter({ has: page.getByText("keel-export-account-data", { exact: true }) });
  await row.getByText("Run now…").click();
  const data = row.getByLabel(/Data of a .* event/);
  await data.fill("[1, 2]");
  await row.getByRole("button", { name: "Run now keel-export-account-data" }).click();
  await expect(row.getByText(/Enter the event's data as a JSON object/)).toBeVisible();
  await expect(data).toHaveValue("[1, 2]");
});
