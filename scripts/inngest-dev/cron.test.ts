import { describe, expect, it } from "vitest";
import { nextCronTime, parseCron } from "./cron";

const next = (cron: string, after: string) => new Date(nextCronTime(parseCron(cron), Date.parse(after))).toISOString();

describe("cron schedules", () => {
  it("steps through minutes and hours in UTC by default", () => {
    expect(next("*/15 * * * *", "2025-03-10T10:07:30Z")).toBe("2025-03-10T10:15:00.000Z");
    expect(next("*/15 * * * *", "2025-03-10T10:15:00Z")).toBe("2025-03-10T10:30:00.000Z"); // strictly after
    expect(next("@hourly", "2025-03-10T23:59:00Z")).toBe("2025-03-11T00:00:00.000Z");
  });

  it("honours a TZ= prefix, across a daylight-saving change", () => {
    // 09:00 in New York is 13:00 UTC before the March change and 12:00 UTC after it.
    expect(next("TZ=America/New_York 0 9 * * *", "2025-03-08T14:00:00Z")).toBe("2025-03-09T13:00:00.000Z");
    expect(next("TZ=America/New_York 0 9 * * *", "2025-03-09T14:00:00Z")).toBe("2025-03-10T13:00:00.000Z");
    expect(next("TZ=America/New_York 0 0 * * *", "2025-03-08T06:00:00Z")).toBe("2025-03-09T05:00:00.000Z");
    expect(next("TZ=America/New_York 0 0 * * *", "2025-03-09T06:00:00Z")).toBe("2025-03-10T04:00:00.000Z");
  });

  it("matches either day field when both are restricted, like classic cron", () => {
    // The 13th, or any Friday: Friday 2025-06-06 comes before Friday the 13th.
    expect(next("0 0 13 * FRI", "2025-06-01T00:00:00Z")).toBe("2025-06-06T00:00:00.000Z");
    expect(next("0 12 * * MON-FRI", "2025-06-07T00:00:00Z")).toBe("2025-06-09T12:00:00.000Z"); // Saturday -> Monday
    expect(next("0 0 1 JAN *", "2025-06-01T00:00:00Z")).toBe("2026-01-01T00:00:00.000Z");
  });

  it("refuses what it does not understand", () => {
    expect(() => parseCron("*/5 * * * * *")).toThrow("dev executor does not support");
    expect(() => parseCron("61 * * * *")).toThrow("dev executor does not support");
    expect(() => parseCron("TZ=Mars/Olympus 0 0 * * *")).toThrow("time zone");
    expect(() => nextCronTime(parseCron("0 0 30 2 *"), Date.parse("2025-01-01T00:00:00Z"))).toThrow("never fires");
  });
});
