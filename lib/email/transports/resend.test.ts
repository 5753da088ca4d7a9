import { afterEach, describe, expect, it } from "vitest";
import { closedPort, startHttpStub, type ReceivedRequest, type TestServer } from "@/test/mail-servers";
import { createResendTransport } from "./resend";
import { EmailDeliveryError, type OutgoingEmail } from "./types";

const email: OutgoingEmail = {
  to: "owner@acme.test",
  from: "Keel <noreply@keel.localhost>",
  subject: "Welcome to Keel",
  html: "<p>Hello</p>",
  text: "Hello",
  template: "welcome",
  idempotencyKey: "evt_123",
};

const apiKey = "re_test_secret_key";

// Resend itself can't be reached from here. These run the real SDK over real HTTP against a local stand-in of
// its API: they prove what we send and how we surface its errors, not that Resend accepts it.
describe("Resend transport (against a local stand-in of the API)", () => {
  let api: TestServer<ReceivedRequest> | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it("posts the email with the key, the template tag and the idempotency key, and returns Resend's id", async () => {
    api = await startHttpStub(() => ({ status: 200, body: JSON.stringify({ id: "re_msg_1" }) }));
    const { id } = await createResendTransport(apiKey, { baseUrl: api.url }).send(email);

    expect(id).toBe("re_msg_1");
    const [request] = api.received;
    expect(request).toMatchObject({ method: "POST", path: "/emails" });
    expect(request!.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(request!.headers["idempotency-key"]).toBe("evt_123");
    expect(JSON.parse(request!.body)).toMatchObject({
      from: email.from,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      tags: [{ name: "template", value: "welcome" }],
    });
  });

  it.each([
    [422, { statusCode: 422, name: "validation_error", message: "Invalid `to` field." }, "email: resend failed: validation_error (422): Invalid `to` field.", true],
    [429, { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests." }, "email: resend failed: rate_limit_exceeded (429): Too many requests.", false],
    [500, "upstream exploded", /^email: resend failed: application_error \(500\): /, false],
  ])("surfaces a %s as one short line (permanent: %s)", async (status, body, message, permanent) => {
    api = await startHttpStub(() => ({ status, body: typeof body === "string" ? body : JSON.stringify(body) }));
    const error = await createResendTransport(apiKey, { baseUrl: api.url }).send(email).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(EmailDeliveryError);
    expect((error as EmailDeliveryError).message).toMatch(message);
    expect((error as EmailDeliveryError).message).not.toContain("\n");
    expect((error as EmailDeliveryError).message).not.toContain(apiKey);
    expect((error as EmailDeliveryError).permanent).toBe(permanent);
  });

  it("surfaces an unreachable API as a retryable short error", async () => {
    const transport = createResendTransport(apiKey, { baseUrl: `http://127.0.0.1:${await closedPort()}` });
    const error = await transport.send(email).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(EmailDeliveryError);
    expect((error as EmailDeliveryError).message).toMatch(/^email: resend failed: application_error: Unable to fetch data/);
    expect((error as EmailDeliveryError).permanent).toBe(false);
  });
});
