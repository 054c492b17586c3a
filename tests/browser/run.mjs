// Runs the browser tests: `node tests/browser/run.mjs --binary build/newsroom`
// (ctest runs it as browser_tests). Each test starts the real server on a
// free port with a fresh database and drives Debian's Chromium headless
// (/usr/bin/chromium, or $CHROMIUM) through playwright-core, with Node's
// own test runner. The browser interface must be built first
// (npm ci && npm run build, which scripts/build.sh does). Screenshots go
// next to the binary (build/screenshots/); `--screenshots docs/screenshots`
// refreshes the README's pictures instead.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DIST } from "./harness.mjs";

const { values } = parseArgs({
  options: { binary: { type: "string" }, only: { type: "string" }, screenshots: { type: "string" } },
});
if (!values.binary) {
  console.error("usage: node tests/browser/run.mjs --binary PATH/TO/newsroom " +
    "[--only reader|moderator|embed|desk|bulk|languages|audit|paging] [--screenshots DIR]");
  process.exit(2);
}
process.env.NEWSROOM_BINARY = path.resolve(values.binary);
if (values.screenshots) process.env.NEWSROOM_SCREENSHOTS = path.resolve(values.screenshots);
const built = existsSync(DIST) ? readdirSync(DIST) : [];
for (const [f, found] of [
  ["newsroom-<hash>.js", built.some((n) => /^newsroom-[\w-]+\.js$/.test(n))],
  ["embed.js", built.includes("embed.js")],
]) {
  if (!found) {
    console.error(`web/dist/${f} is missing: run npm ci && npm run build (scripts/build.sh does)`);
    process.exit(1);
  }
}
const suites = ["reader", "moderator", "embed", "desk", "bulk", "languages", "audit", "paging"]
  .filter((s) => !values.only || values.only === s);
for (const s of suites) await import(`./${s}.test.mjs`);
