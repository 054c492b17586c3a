// One language per site: a Turkish site and an English site, every page
// type walked (and the script's own words brought out: the draft's
// feedback, the lightbox, a report, the queue's shortcuts and thread).
// No page shows a label of the other language: the labels are read from
// the sources themselves (labels.mjs), and what the readers and editors
// wrote (headline, body, comments, names) is left out of the check.
import assert from "node:assert/strict";
import { test } from "node:test";
import { signIn, startBrowser, startServer } from "./harness.mjs";
import { foundLabels, otherLanguageLabels } from "./labels.mjs";
import { EDITOR, sitePages } from "./pages.mjs";

// What people wrote, not the interface.
const CONTENT = [
  ".site-name", "#headline", ".article-header .lead", ".byline", ".article-body",
  ".source", "figcaption .caption", "figcaption .credit", ".comment-text", ".comment-author",
  ".teaser h2", ".teaser .lead", ".in-reply-to a", ".replying-to a", "#share-url",
  ".article-link", ".desk-list th[scope=row]", "select#filter-article option",
  ".session strong", "td:first-child", ".nr-lb-caption", ".photo-page h1",
  ".nr-fix-preview q", ".nr-fragment mark", "textarea", "input",
  "blockquote", ".fix", ".thread .comment-text", "mark",
].join(", ");

async function interfaceText(page) {
  return page.evaluate((content) => {
    const clone = document.body.cloneNode(true);
    for (const el of clone.querySelectorAll(content)) el.remove();
    for (const el of clone.querySelectorAll("[hidden], script, style")) el.remove();
    // Labels for assistive technology are interface too.
    const labels = Array.from(document.querySelectorAll("[aria-label], [title], [alt]"))
      .filter((el) => !el.closest(content))
      .map((el) => [el.getAttribute("aria-label"), el.getAttribute("title")].filter(Boolean).join(" "));
    return `${clone.textContent}\n${labels.join("\n")}`.replace(/\s+/g, " ");
  }, CONTENT);
}

for (const lang of ["tr", "en"]) {
  test(`a site in ${lang} shows no label of the other language on any page`, async () => {
    const server = await startServer({ lang });
    const browser = await startBrowser({ locale: lang === "en" ? "en-GB" : "tr-TR" });
    const labels = otherLanguageLabels(lang);
    assert.ok(labels.length > 150, `labels read from the sources: ${labels.length}`);
    const found = [];
    try {
      const pages = await sitePages(server);
      const page = await browser.page();
      const check = async (where) => {
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang, where);
        for (const label of foundLabels(await interfaceText(page), labels)) found.push(`${where}: "${label}"`);
      };
      for (const p of pages) {
        if (p.staff) continue;
        await page.goto(server.url + p.path);
        await page.waitForFunction(() => document.documentElement.classList.contains("nr-js"));
        await check(p.name);
        if (p.name === "article") {
          // The script's words: feedback on a draft, the lightbox, a report.
          await page.fill("#comment-author", "Okur");
          await page.fill("#comment-text", "BU HABER COK GUZEL OLMUS, EMEGI GECENLERE TESEKKURLER");
          await page.locator(".nr-check:not([hidden])").waitFor();
          await check("article with feedback");
          await page.locator("form[data-report-form] button").first().click();
          await page.locator(".nr-report-note").first().waitFor();
          await check("article after a report");
          await page.locator("a[data-zoom]").click();
          await page.locator("dialog.nr-lightbox[open]").waitFor();
          await check("lightbox");
          await page.keyboard.press("Escape");
        }
      }
      await signIn(page, server, ...EDITOR);
      for (const p of pages) {
        if (!p.staff) continue;
        await page.goto(server.url + p.path);
        await page.waitForFunction(() => document.documentElement.classList.contains("nr-js"));
        if (p.name === "queue") {
          await page.locator("details.filters summary").click();
          await page.locator("details.counts summary").click();
          await page.locator("a[data-thread]").first().click();
          await page.locator(".nr-thread .thread").waitFor();
        }
        await check(p.name);
      }
      assert.deepEqual(found, []);
      assert.deepEqual(page.errors, []);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
}
