import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { closeDatabase } from "@/db/client";
import { runWithPeer } from "@/lib/request-peer";
import MailboxEmailPage from "./[id]/page";
import MailboxPage from "./page";

const noSearch = { searchParams: Promise.resolve({}) };

// notFound() throws an error whose digest Next turns into the 404 page.
async function status(render: Promise<unknown>): Promise<number> {
  try {
    await render;
    return 200;
  } catch (err) {
    const digest = String((err as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return Number(digest.split(";")[1]);
    throw err;
  }
}

describe("/dev/mailbox pages", () => {
  afterEach(() => {
    unstubAllEnvs();
  });
  afterAll(closeDatabase);

  it("don't exist in production", async () => {
    stubEnv("NODE_ENV", "production");
    stubEnv("EMAIL_TRANSPORT", "");
    stubEnv("SMTP_URL", "smtp://mail.test:587");
    expect(await status(MailboxPage(noSearch))).toBe(404);
    expect(await status(MailboxEmailPage({ params: Promise.resolve({ id: randomUUID() }) }))).toBe(404);
  });

  it("exist in production only with UNSAFE_TEST_ONLY_DEV_TOOLS=1 (e2e runs of `next start`), and only for loopback", async () => {
    stubEnv("NODE_ENV", "production");
    stubEnv("EMAIL_TRANSPORT", "dev-mailbox");
    expect(await status(runWithPeer("127.0.0.1", () => MailboxPage(noSearch)))).toBe(404);
    stubEnv("UNSAFE_TEST_ONLY_DEV_TOOLS", "1");
    expect(await status(runWithPeer("127.0.0.1", () => MailboxPage(noSearch)))).toBe(200);
    expect(await status(runWithPeer("::ffff:127.0.0.1", () => MailboxPage(noSearch)))).toBe(200);
    expect(await status(runWithPeer("203.0.113.9", () => MailboxPage(noSearch)))).toBe(404);
    expect(await status(MailboxPage(noSearch))).toBe(404);
  });

  it("answer 404 for an email that doesn't exist", async () => {
    stubEnv("NODE_ENV", "development");
    expect(await status(MailboxEmailPage({ params: Promise.resolve({ id: randomUUID() }) }))).toBe(404);
    expect(await status(MailboxEmailPage({ params: Promise.resolve({ id: "not-a-uuid" }) }))).toBe(404);
  });
});
