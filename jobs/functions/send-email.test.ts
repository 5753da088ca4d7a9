import { InngestTestEngine } from "@inngest/test";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { closeDatabase } from "@/db/client";
import { latestEmailTo } from "@/db/queries/dev-emails";
import { EmailDeliveryError, getEmailTransport } from "@/lib/email/transports";
import { sendEmail } from "./send-email";

stubEnv("EMAIL_TRANSPORT", "dev-mailbox");

const event = (to: string) => ({
  name: "email/send.requested",
  data: {
    orgId: null,
    actorId: null,
    requestId: "req-send-email-test",
    email: { to, template: "verify-email", props: { url: "http://localhost:3000/verify?token=abc", name: "Ada", expiresInHours: 24 } },
  },
});

describe("send-email", () => {
  afterAll(async () => {
    await closeDatabase();
    unstubAllEnvs();
  });

  it("renders the template and delivers it through the transport", async () => {
    const to = `ada-${randomUUID()}@example.test`;
    const t = new InngestTestEngine({ function: sendEmail, events: [event(to)] });
    const { result, ctx } = await t.execute();
    expect(ctx.step.run).toHaveBeenCalledWith("deliver", expect.any(Function));
    expect(result).toMatchObject({ transport: "dev-mailbox" });
    const stored = await latestEmailTo(to);
    expect(stored?.links).toContain("http://localhost:3000/verify?token=abc");
    expect(stored?.requestId).toBe("req-send-email-test");
  });

  it("turns a permanent transport failure into a non-retriable error", async () => {
    const send = vi.spyOn(getEmailTransport(), "send").mockRejectedValue(new EmailDeliveryError("email: address rejected", "smtp", "rejected", true));
    try {
      const t = new InngestTestEngine({ function: sendEmail, events: [event(`bad-${randomUUID()}@example.test`)] });
      const { error } = await t.execute();
      expect(error).toMatchObject({ name: "NonRetriableError", message: "email: address rejected" });
    } finally {
      send.mockRestore();
    }
  });

  it("lets a temporary transport failure surface so Inngest retries it", async () => {
    const send = vi.spyOn(getEmailTransport(), "send").mockRejectedValue(new EmailDeliveryError("email: smtp 421", "smtp", "unavailable", false));
    try {
      const t = new InngestTestEngine({ function: sendEmail, events: [event(`later-${randomUUID()}@example.test`)] });
      const { error } = await t.execute();
      expect(error).toMatchObject({ message: "email: smtp 421" });
      expect((error as { name?: string }).name).not.toBe("NonRetriableError");
    } finally {
      send.mockRestore();
    }
  });
});
