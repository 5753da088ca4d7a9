// Accessibility checks for journeys: axe-core over the page as it is, with serious and critical violations failing
// the test (minor and moderate ones are reported by axe but left to review).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "./fixtures";

/** Runs axe on `page` (WCAG 2.x A and AA rules plus best practices) and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = blocking.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}`).join("\n")}`);
  expect(report, `axe on ${label}`).toEqual([]);
}
