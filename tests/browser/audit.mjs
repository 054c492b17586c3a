// axe-core and Lighthouse (both from npm, package-lock.json) on the pages
// the browser tests open, in Debian's Chromium: axe-core runs inside the
// page Playwright drives; Lighthouse drives the same browser through its
// DevTools port (startBrowser({ debugPort })), so signed-in pages are
// audited signed in.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// axe-core's violations on the page as it is now (every rule axe runs by
// default: WCAG 2.0–2.2 A and AA, and best practices), as short strings
// "rule: target …" for an assertion message.
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol: the page's CSP does not apply.
  await page.evaluate(`${AXE}\n;0`);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
        summary: v.nodes[0]?.failureSummary ?? "",
      })),
    ),
  );
  return result.map((v) => `${v.id} (${v.impact}): ${v.targets.join(" | ")} — ${v.summary}`);
}

// The phone and desktop Lighthouse runs (Lighthouse's own defaults: a
// mid-range phone on a slow 4G link, and its desktop preset), for the
// categories the site keeps at 100.
export const FORM_FACTORS = {
  phone: { config: undefined, viewport: { width: 412, height: 823 } },
  desktop: { config: desktopConfig, viewport: { width: 1350, height: 940 } },
};

export async function lighthouseScores(url, port, formFactor) {
  const { config } = FORM_FACTORS[formFactor];
  const result = await lighthouse(
    url,
    {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      // The browser is Debian's Chromium, already running; nothing is
      // installed, nothing leaves the machine.
      disableStorageReset: true,
      // The not-found page is answered 404 on purpose; Lighthouse scores
      // it like any other page instead of refusing the document.
      ignoreStatusCode: true,
    },
    config,
  );
  const lhr = result.lhr;
  const failed = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
    .map((a) => a.id);
  // A category Lighthouse could not score is null, with the reason in
  // runtimeError (or in the audits it needed).
  return {
    runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
    performance: lhr.categories.performance.score,
    accessibility: lhr.categories.accessibility.score,
    lcp: lhr.audits["largest-contentful-paint"]?.numericValue,
    cls: lhr.audits["cumulative-layout-shift"]?.numericValue,
    tbt: lhr.audits["total-blocking-time"]?.numericValue,
    failed,
  };
}
