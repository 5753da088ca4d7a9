import { afterEach, describe, expect, it } from "vitest";
import { closedPort, decodeQuotedPrintable, startSmtpServer, type ReceivedMail, type TestServer } from "@/test/mail-servers";
import { createSmtpTransport } from "./smtp";
import { EmailDeliveryError, type OutgoingEmail } from "./types";

const email: OutgoingEmail = {
  to: "member@acme.test",
  from: "Keel <noreply@keel.localhost>",
  subject: "Reset your Keel password",
  html: '<p>Choose a new one: <a href="https://app.keel.test/reset?token=r1">reset</a></p>',
  text: "Choose a new one: https://app.keel.test/reset?token=r1",
  template: "reset-password",
};

// A real SMTP conversation over a socket with a minimal in-test server: proves the envelope and MIME nodemailer
// produces from SMTP_URL, not just that a mock was called.
describe("SMTP transport", () => {
  let server: TestServer<ReceivedMail> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("delivers the HTML and text parts to the recipient over SMTP", async () => {
    server = await startSmtpServer();
    const { id } = await createSmtpTransport(server.url).send(email);

    expect(id).toMatch(/^<.+@keel\.localhost>$/);
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail!.from).toBe("noreply@keel.localhost");
    expect(mail!.to).toEqual(["member@acme.test"]);
    const message = decodeQuotedPrintable(mail!.data);
    expect(message).toContain("Subject: Reset your Keel password");
    expect(message).toContain("X-Keel-Template: reset-password");
    expect(message).toMatch(/Content-Type: multipart\/alternative/);
    expect(message).toContain("Content-Type: text/plain");
    expect(message).toContain("Content-Type: text/html");
    expect(message).toContain('href="https://app.keel.test/reset?token=r1"');
  });

  it("fails permanently, in one short line without the address, when the server rejects the recipient", async () => {
    server = await startSmtpServer({ rejectRecipients: true });
    const error = await createSmtpTransport(server.url).send(email).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(EmailDeliveryError);
    expect((error as EmailDeliveryError).message).toBe("email: smtp failed: EENVELOPE (550)");
    expect((error as EmailDeliveryError).permanent).toBe(true);
  });

  it("fails retryably when the server is unreachable", async () => {
    const error = await createSmtpTransport(`smtp://user:s3cret@127.0.0.1:${await closedPort()}`)
      .send(email)
      .catch((err: unknown) => err);

    expect(error).toBeInstanceOf(EmailDeliveryError);
    expect((error as EmailDeliveryError).message).toMatch(/^email: smtp failed: E[A-Z]+$/);
    expect((error as EmailDeliveryError).message).not.toContain("s3cret");
    expect((error as EmailDeliveryError).permanent).toBe(false);
  });
});
