import { describe, expect, it } from "vitest";
import { compileExpression, expressionMatches } from "./expression";

const event = { name: "order/placed", data: { orderId: "o-1", total: 120, user: { id: 7 } } };

describe("expression subset", () => {
  it("matches the forms the SDK generates for waitForEvent, cancelOn and onFailure", () => {
    expect(expressionMatches("event.data.orderId == async.data.orderId", { event, async: { data: { orderId: "o-1" } } })).toBe(true);
    expect(expressionMatches("event.data.orderId == async.data.orderId", { event, async: { data: { orderId: "o-2" } } })).toBe(false);
    expect(expressionMatches("event.data.function_id == 'keel-send-receipt'", { event: { data: { function_id: "keel-send-receipt" } } })).toBe(true);
  });

  it("combines comparisons with && || ! and parentheses", () => {
    expect(expressionMatches("event.data.total > 100 && event.data.user.id == 7", { event })).toBe(true);
    expect(expressionMatches("!(event.data.total >= 200) || false", { event })).toBe(true);
    expect(expressionMatches('event.name != "order/placed"', { event })).toBe(false);
  });

  it("treats a missing field as null, never as a match", () => {
    expect(expressionMatches("event.data.missing == async.data.missing", { event, async: { data: {} } })).toBe(true);
    expect(expressionMatches("event.data.missing.deeper == 1", { event })).toBe(false);
  });

  it("builds concurrency keys with +", () => {
    expect(compileExpression('event.data.orderId + "-" + event.name')({ event })).toBe("o-1-order/placed");
  });

  it("refuses function calls, macros and unknown variables", () => {
    expect(() => compileExpression("size(event.data.items) > 0")).toThrow("dev executor does not support");
    expect(() => compileExpression("event.data.tags.exists(t, t == 'a')")).toThrow("dev executor does not support");
    expect(() => compileExpression("'a' in event.data.tags")).toThrow("dev executor does not support");
    expect(() => expressionMatches("user.id == 1", { event })).toThrow('the variable "user"');
  });
});
