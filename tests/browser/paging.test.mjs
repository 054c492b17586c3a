// An article with more comments than one window: the page shows the first
// window and a plain link to the next, which works without JavaScript;
// the embed on another site loads the next window with its button. Two
// threads a window here, so that a few comments make several windows.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readRepoFile, startBrowser, startServer, startStatic } from "./harness.mjs";

const EXTRA = "[comments]\nthreads_per_page = 2\n";
const TEXTS = [
  "Trafik sabahları artık çok daha rahat akıyor.",
  "Belediye bu işi zamanında bitirdi, tebrik ederim.",
  "Yaya yolu da genişletilmiş, yürümek çok keyifli.",
];

// The article's approved comments, by posting the texts above.
async function withComments(server) {
  const slug = await server.slug();
  for (const text of TEXTS) {
    const r = await server.json("POST", `/api/v1/articles/${slug}/comments`, { author: "Okur", text });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.status, "approved");
  }
  const first = await server.json("GET", `/api/v1/articles/${slug}/comments`);
  return { slug, total: first.body.total };
}

test("the page shows the first window and links to older ones without JavaScript", async () => {
  const server = await startServer({ extra: EXTRA });
  const browser = await startBrowser();
  try {
    const { slug, total } = await withComments(server);
    assert.ok(total > 4, `${total} comments make more than two windows`);
    const page = await browser.page();
    // No script runs: what a reader without JavaScript gets.
    await page.route("**/*.js", (route) => route.abort());
    await page.goto(`${server.url}/news/${slug}`);
    const threads = page.locator("ol.comment-list > li.comment");
    assert.equal(await threads.count(), 2);
    assert.equal(await page.locator("#comments-title .count").textContent(), `(${total})`);
    // The newest comment first, the oldest not in the first window.
    assert.match(await threads.first().textContent(), /Yaya yolu da genişletilmiş/);
    const seen = new Set(await threads.evaluateAll((els) => els.map((e) => e.id)));
    let windows = 1;
    while ((await page.locator("a.more-comments").count()) > 0) {
      assert.equal((await page.locator("a.more-comments").textContent()).trim(), "Daha eski yorumlar");
      await Promise.all([page.waitForURL(/cursor=\d+/), page.locator("a.more-comments").click()]);
      const ids = await page.locator("ol.comment-list > li.comment").evaluateAll((els) => els.map((e) => e.id));
      assert.ok(ids.length >= 1 && ids.length <= 2, `a window of ${ids.length}`);
      for (const id of ids) {
        assert.ok(!seen.has(id), `${id} shown twice`);
        seen.add(id);
      }
      windows += 1;
      assert.ok(windows < 50, "the links end");
    }
    assert.ok(windows >= 3, `${windows} windows`);
    // Every top-level comment of the article came once.
    const all = [];
    let cursor = null;
    do {
      const r = await server.json("GET", `/api/v1/articles/${slug}/comments?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
      all.push(...r.body.comments.filter((c) => c.parent_id === null).map((c) => `comment-${c.id}`));
      cursor = r.body.next_cursor;
    } while (cursor);
    assert.equal(seen.size, all.length);
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test("the embed loads more comments with its button", async () => {
  const server = await startServer({ extra: EXTRA });
  const browser = await startBrowser();
  let host;
  try {
    const { slug, total } = await withComments(server);
    const example = readRepoFile("tests/browser/embed-example.html")
      .replaceAll("https://haber.example.com", server.url)
      .replaceAll("bogazda-yeni-vapur-hatti-hizmete-girdi", slug);
    host = await startStatic({ "/index.html": example });
    const page = await browser.page();
    await page.goto(host.url);
    const root = page.locator("#newsroom-comments");
    const threads = root.locator("ol.comment-list > li.comment");
    await threads.first().waitFor({ timeout: 20_000 });
    assert.equal(await threads.count(), 2);
    assert.equal(await root.locator(".count").first().textContent(), `(${total})`);
    // A window that fails to load says so on the button, which tries again
    // and, once the window came, is the button it was.
    let failNext = true;
    await page.route("**/comments?*cursor=*", (route) => {
      if (!failNext) return route.continue();
      failNext = false;
      return route.abort();
    });
    const button = root.locator("button.more-comments");
    await button.click();
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent === "Yorumlar yüklenemedi.",
      "#newsroom-comments button.more-comments",
    );
    assert.equal(await threads.count(), 2);
    const more = root.getByRole("button", { name: "Daha eski yorumlar" });
    let shown = 2;
    await button.click();
    await page.waitForFunction(
      ([sel, n]) => document.querySelectorAll(sel).length > n,
      ["#newsroom-comments ol.comment-list > li.comment", shown],
    );
    assert.equal((await button.textContent()).trim(), "Daha eski yorumlar");
    shown = await threads.count();
    while (await more.isVisible()) {
      await more.click();
      await page.waitForFunction(
        ([sel, n]) => document.querySelectorAll(sel).length > n,
        ["#newsroom-comments ol.comment-list > li.comment", shown],
      );
      const now = await threads.count();
      assert.ok(now > shown && now <= shown + 2, `${shown} → ${now}`);
      shown = now;
      assert.ok(shown < 100, "the button goes away at the end");
    }
    // Every comment is there once: as many as the article has.
    assert.equal(await root.locator("li.comment").count(), total);
    assert.equal(new Set(await root.locator("li.comment").evaluateAll((els) => els.map((e) => e.id))).size, total);
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
    await host?.close();
    await server.stop();
  }
});
