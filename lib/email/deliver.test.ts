import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubEnv, unstubAllEnvs } from "@/test/env";
import { closeDatabase, db } from "@/db/client";
import { devEmails } from "@/db/schema";
import { log } from "@/lib/log";
import { NO_TRANSPORT_MESSAGE } from "./config";
import { deliverEmail } from "./deliver";
import { decodeQuotedPrintable, startHttpStub, startSmtpServer } from "@/test/mail-servers";
import { EmailDeliveryError } from "./transports";

const acceptUrl = "https://app.keel.test/invitations/tok_42?next=%2Facme";
const invitation = {
  template: "invitation",
  props: { inviterName: "Ada Lovelace", orgName: "Acme", role: "member", acceptUrl, expiresAt: "2030-01-02T03:04:05Z" },
} as const;

describe("deliverEmail", () => {
  let print: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    for (const name of ["RESEND_API_KEY", "SMTP_URL", "EMAIL_TRANSPORT", "EMAIL_FROM", "RESEND_BASE_URL"]) stubEnv(name, "");
    stubEnv("NODE_ENV", "development");
    print = vi.spyOn(console, "log").mockImplementation(() => {});
  });
  afterEach(() => {
    unstubAllEnvs();
    vi.restoreAllMocks();
  });
  afterAll(closeDatabase);

  it("stores the email in the dev mailbox with its subject, bodies and links", async () => {
    const to = `invitee-${randomUUID()}@example.test`;
    const requestId = `req-${randomUUID()}`;
    const result = await deliverEmail({ to, ...invitation, requestId });

    expect(result.transport).toBe("dev-mailbox");
    const [row] = await db.select().from(devEmails).where(eq(devEmails.id, result.id));
    expect(row).toMatchObject({
      to,
      from: "Keel <noreply@keel.localhost>",
      subject: "Ada Lovelace invited you to join Acme on Keel",
      template: "invitation",
      links: [acceptUrl],
      requestId,
    });
    expect(row!.html).toContain("Accept invitation");
    expect(row!.html).toContain(acceptUrl.replace(/&/g, "&amp;"));
    expect(row!.text).toContain(`Accept invitation ${acceptUrl}`);
  });

  it("prints one console block with the recipient, subject and link, but not the body", async () => {
    const to = `printed-${randomUUID()}@example.test`;
    const { id } = await deliverEmail({ to, ...invitation });

    expect(print).toHaveBeenCalledTimes(1);
    const block = String(print.mock.calls[0]![0]);
    expect(block).toContain(`to:      ${to}`);
    expect(block).toContain("subject: Ada Lovelace invited you to join Acme on Keel");
    expect(block).toContain(`link:    ${acceptUrl}`);
    expect(block).toContain(`/dev/mailbox/${id}`);
    expect(block).not.toContain("<");
    expect(block).not.toContain("You received this email because");
  });

  it("logs one line with a masked recipient and the request id, never the address or the HTML", async () => {
    const info = vi.spyOn(log, "info");
    const to = `private-person-${randomUUID()}@example.test`;
    await deliverEmail({ to, ...invitation, requestId: "req-log-1" });

    expect(info).toHaveBeenCalledTimes(1);
    const [fields, message] = info.mock.calls[0] as unknown as [Record<string, unknown>, string];
    expect(message).toBe("email sent");
    expect(fields).toMatchObject({ template: "invitation", transport: "dev-mailbox", recipient: "p***@example.test", requestId: "req-log-1" });
    expect(fields.recipientHash).toMatch(/^[0-9a-f]{16}$/);
    const line = JSON.stringify(fields);
    expect(line).not.toContain(to);
    expect(line).not.toContain(acceptUrl);
    expect(line).not.toContain("<html");
  });

  it("rejects bad props with a short, permanent error and stores nothing", async () => {
    const to = `bad-${randomUUID()}@example.test`;
    const error = await deliverEmail({ to, template: "magic-link", props: { url: "javascript:alert(1)", expiresInMinutes: 15 } }).catch(
      (err: unknown) => err,
    );

    expect(error).toBeInstanceOf(EmailDeliveryError);
    expect((error as EmailDeliveryError).message).toBe("email: invalid magic-link email: props.url: must be an absolute http(s) URL");
    expect((error as EmailDeliveryError).permanent).toBe(true);
    expect(await db.select().from(devEmails).where(eq(devEmails.to, to))).toEqual([]);
  });

  it("refuses to send in production without a transport", async () => {
    stubEnv("NODE_ENV", "production");
    await expect(deliverEmail({ to: "someone@example.test", ...invitation })).rejects.toThrow(NO_TRANSPORT_MESSAGE);
  });

  it("sends through SMTP_URL when it is set: a real SMTP exchange with an in-test server", async () => {
    const server = await startSmtpServer();
    try {
      stubEnv("SMTP_URL", server.url);
      stubEnv("EMAIL_FROM", "Acme <hello@acme.test>");
      const to = `smtp-${randomUUID()}@example.test`;
      const result = await deliverEmail({ to, ...invitation });

      expect(result.transport).toBe("smtp");
      expect(server.received).toHaveLength(1);
      expect(server.received[0]).toMatchObject({ from: "hello@acme.test", to: [to] });
      expect(decodeQuotedPrintable(server.received[0]!.data)).toContain(acceptUrl);
      expect(print).not.toHaveBeenCalled();
    } finally {
      await server.close();
    }
  });

  it("sends through Resend when RESEND_API_KEY is set (to a local stand-in of its API)", async () => {
    const api = await startHttpStub(() => ({ status: 200, body: JSON.stringify({ id: "re_msg_9" }) }));
    try {
      stubEnv("RESEND_API_KEY", "re_test_deliver");
      stubEnv("RESEND_BASE_URL", api.url);
      const result = await deliverEmail({ to: "owner@acme.test", ...invitation, idempotencyKey: "evt_9" });

      expect(result).toEqual({ id: "re_msg_9", transport: "resend" });
      expect(JSON.parse(api.received[0]!.body)).toMatchObject({ to: "owner@acme.test", subject: "Ada Lovelace invited you to join Acme on Keel" });
      expect(api.received[0]!.headers["idempotency-key"]).toBe("evt_9");
    } finally {
      await api.close();
    }
  });
});
