import { describe, expect, it } from "vitest";
import { isCurrent } from "./nav-link";

describe("isCurrent", () => {
  it("marks the section's own page and the pages inside it", () => {
    expect(isCurrent("/acme/projects", "/acme/projects")).toBe(true);
    expect(isCurrent("/acme/projects/123", "/acme/projects")).toBe(true);
  });

  it("does not mark a sibling whose path merely starts with the same letters", () => {
    expect(isCurrent("/acme/projects-archive", "/acme/projects")).toBe(false);
    expect(isCurrent("/acme/settings", "/acme/settings/members")).toBe(false);
  });
});
