// Every journey imports `test` and `expect` from here, not from @playwright/test, so the checks below run on
// every page a journey opens, including pages of contexts a test creates itself with `browser.newContext()`.
//
// Content Security Policy: a violation (a blocked inline script, style, handler, frame or source) fails the test.
// The browser reports each one twice, as a `securitypolicyviolation` DOM event and as a console error; both are
// collected, so a violation is caught even where one channel is missing (a violation during navigation, before
// the page's scripts run, reaches only the console).
import { test as base, type BrowserContext } from "@playwright/test";

export { expect } from "@playwright/test";
export type { Page } from "@playwright/test";

type Options = {
  /** Set with `test.use({ allowCspViolations: true })` only in a test that provokes a violation on purpose. */
  allowCspViolations: boolean;
};

type Fixtures = {
  /** The CSP violations seen so far in every browser context of the test (read it in a test that expects one). */
  cspViolations: string[];
  /** Fails the test on any CSP violation, unless `allowCspViolations` is set. */
  cspGuard: void;
};

const bindingName = "__keelReportCspViolation";

/** Runs in every document before its own scripts: forwards CSP violation events to the test. */
function listenForViolations(binding: string) {
  document.addEventListener("securitypolicyviolation", (event) => {
    const report = (window as unknown as Record<string, (text: string) => void>)[binding];
    report?.(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile || event.documentURI}:${event.lineNumber} (${event.sample || "no sample"})`);
  });
}

const cspConsoleMessage = /content security policy/i;

/** Starts watching one context; returns the list the watcher fills. */
async function watchContext(context: BrowserContext, violations: string[]) {
  await context.exposeBinding(bindingName, ({ page }, text: string) => violations.push(`${page?.url() ?? "?"}: ${text}`));
  await context.addInitScript(listenForViolations, bindingName);
  context.on("console", (message) => {
    if (message.type() === "error" && cspConsoleMessage.test(message.text())) violations.push(`${message.page()?.url() ?? "?"}: console: ${message.text()}`);
  });
}

export const test = base.extend<Fixtures & Options>({
  allowCspViolations: [false, { option: true }],
  cspViolations: async ({ context, browser }, run) => {
    const violations: string[] = [];
    await watchContext(context, violations);
    // Contexts the test opens itself (a second browser, dark mode) are watched too, for this test only.
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (...args) => {
      const created = await newContext(...args);
      await watchContext(created, violations);
      return created;
    };
    try {
      await run(violations);
    } finally {
      browser.newContext = newContext;
    }
  },
  cspGuard: [
    async ({ cspViolations, allowCspViolations }, run) => {
      await run();
      if (cspViolations.length > 0 && !allowCspViolations) {
        throw new Error(`Content Security Policy violations during the test:\n${[...new Set(cspViolations)].map((v) => `  - ${v}`).join("\n")}`);
      }
    },
    { auto: true },
  ],
});
