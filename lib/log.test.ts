import { describe, expect, it } from "vitest";
import { captureLogs, log } from "./log";
import { runWithRequestContext } from "./request-context";

describe("log", () => {
  it("redacts passwords, tokens, cookies and keys wherever they sit in a logged object", () => {
    const lines: Record<string, unknown>[] = [];
    const stop = captureLogs((line) => lines.push(line), "info");
    try {
      log.info(
        { password: "hunter22", user: { password: "p", token: "t" }, headers: { cookie: "keel.session=abc", authorization: "Bearer k" }, apiKey: "sk_live", config: { secret: "s" } },
        "sign-in attempt",
      );
    } finally {
      stop();
    }
    const text = JSON.stringify(lines);
    for (const secret of ["hunter22", '"p"', '"t"', "keel.session=abc", "Bearer k", "sk_live", '"s"']) expect(text).not.toContain(secret);
    expect(text).toContain("[redacted]");
  });

  it("stamps every line inside a request with its request id", () => {
    const lines: Record<string, unknown>[] = [];
    const stop = captureLogs((line) => lines.push(line), "info");
    try {
      runWithRequestContext({ requestId: "req-12345678", ip: "10.0.0.1" }, () => log.info("inside"));
      log.info("outside");
    } finally {
      stop();
    }
    expect(lines[0]).toMatchObject({ msg: "inside", requestId: "req-12345678" });
    expect(lines[0]).not.toHaveProperty("ip");
    expect(lines[1]).not.toHaveProperty("requestId");
  });
});
