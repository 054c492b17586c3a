// Moderation at volume in Chromium: fifty comments wait; two moderators,
// each in their own browser, decide many at once and collide on ten. The
// keyboard selects (x) and decides (a / r) only inside the queue; every
// comment is decided once, the refused ones say what they are now, and
// the last decision can be undone.
import assert from "node:assert/strict";
import { test } from "node:test";
import { BORDERLINE, screenshotPath, signIn, startBrowser, startServer, waitForLive } from "./harness.mjs";

const A = ["ayse", "moderatör-parola-1"];
const B = ["burak", "moderatör-parola-2"];

test("two moderators decide fifty comments at once and overwrite nothing", async () => {
  const server = await startServer();
  const browserA = await startBrowser();
  const browserB = await startBrowser();
  try {
    server.addUser(...A, "moderator");
    server.addUser(...B, "moderator");
    const slug = await server.slug();
    const ids = [];
    for (let i = 0; i < 50; i++) {
      const r = await server.json("POST", `/api/v1/articles/${slug}/comments`,
        { author: `Okur ${i + 1}`, text: BORDERLINE.replace(".", ` (${i + 1}).`) });
      assert.equal(r.body.status, "pending");
      ids.push(r.body.comment.id);
    }
    const a = await browserA.page();
    const b = await browserB.page();
    await a.setViewportSize({ width: 1200, height: 900 });
    await signIn(a, server, ...A);
    await signIn(b, server, ...B);
    for (const p of [a, b]) {
      await p.waitForFunction(() => document.documentElement.classList.contains("nr-js"));
      assert.equal(await p.locator("li.queue-item").count(), 50);
    }

    // Outside the queue the letters are letters: typing a search does not
    // decide anything.
    await a.locator("details.filters summary").click();
    await a.locator("#filter-q").pressSequentially("xar");
    assert.equal(await a.locator("li.queue-item.nr-selected").count(), 0);
    await a.locator("details.filters summary").click();

    // Ayşe selects the first thirty with the keyboard: x selects, j moves.
    await a.locator("li.queue-item").first().focus();
    for (let i = 0; i < 30; i++) {
      await a.keyboard.press("x");
      await a.keyboard.press("j");
    }
    assert.equal(await a.locator("li.queue-item.nr-selected").count(), 30);
    await a.evaluate(() => window.scrollTo(0, 0));
    await a.screenshot({ path: screenshotPath("moderation.png") });
    // Burak checks the last thirty.
    for (const id of ids.slice(20)) await b.locator(`#select-${id}`).check();
    await b.selectOption("#reject-reason", "spelling");

    // At once: Ayşe rejects hers (r, with a reason), Burak approves his.
    await a.selectOption("#reject-reason", "spelling");
    await a.locator("li.queue-item").first().focus();
    await Promise.all([
      a.keyboard.press("r"),
      b.getByRole("button", { name: "Seçilenleri onayla" }).click(),
    ]);
    await waitForLive(a.locator(".nr-queue-status"), /yorum reddedildi|kaydedilmedi/);
    await waitForLive(b.locator(".nr-queue-status"), /yorum onaylandı|kaydedilmedi/);
    await a.waitForFunction(() => !document.querySelector("li.queue-item[aria-busy]"));
    await b.waitForFunction(() => !document.querySelector("li.queue-item[aria-busy]"));

    // Every comment decided once; ten contested, each won by one of them.
    const audit = await server.as(...A, "GET", "/api/v1/moderation/audit");
    const byComment = new Map();
    for (const d of audit.body.decisions) {
      if (d.decided_by === "engine") continue;
      assert.ok(!byComment.has(d.comment_id), `comment ${d.comment_id} decided twice`);
      byComment.set(d.comment_id, d);
    }
    assert.deepEqual([...byComment.keys()].sort((x, y) => x - y), [...ids].sort((x, y) => x - y));
    const refusedA = await a.locator("li.queue-item .nr-decide-error").count();
    const refusedB = await b.locator("li.queue-item .nr-decide-error").count();
    assert.equal(refusedA + refusedB, 10, "the ten contested ones are refused on one side");
    // What stays on each screen is what the other decided, and says so.
    for (const [p, other, word] of [[a, "burak", "onaylı"], [b, "ayse", "reddedildi"]]) {
      for (const row of await p.locator("li.queue-item:has(.nr-decide-error)").all()) {
        const id = Number(await row.getAttribute("data-comment-id"));
        assert.equal(byComment.get(id).decided_by, other);
        assert.match(await row.locator(".nr-decide-error").textContent(), new RegExp(word));
      }
    }
    // Decided rows left the list (Burak's last twenty are still on Ayşe's
    // screen: she has not reloaded); the tab counts follow her decisions.
    assert.equal(await a.locator("li.queue-item").count(), 20 + refusedA);
    assert.equal(await a.locator('nav.tabs a[data-status="pending"] .count').textContent(),
      `(${50 - (30 - refusedA)})`);

    // Undo: approve one more comment, then u puts it back.
    const extra = await server.json("POST", `/api/v1/articles/${slug}/comments`,
      { author: "Son Okur", text: BORDERLINE.replace(".", " (51).") });
    await server.json("POST", `/api/v1/articles/${slug}/comments`,
      { author: "En Son Okur", text: BORDERLINE.replace(".", " (52).") });
    await a.reload();
    await a.waitForFunction(() => document.documentElement.classList.contains("nr-js"));
    const row = a.locator(`li.queue-item[data-comment-id="${extra.body.comment.id}"]`);
    await row.focus();
    await a.keyboard.press("a");
    await row.waitFor({ state: "detached" });
    assert.equal((await server.json("GET", `/api/v1/articles/${slug}/comments`)).body.comments
      .some((c) => c.id === extra.body.comment.id), true, "approved");
    await a.locator(".nr-queue-status button.nr-undo").waitFor();
    // The focus moved on to the next comment, still in the queue.
    assert.equal(await a.evaluate(() => !!document.activeElement.closest("section.queue")), true);
    await a.keyboard.press("u");
    await row.waitFor();
    await waitForLive(a.locator(".nr-queue-status"), /geri alındı/);
    assert.equal((await server.json("GET", `/api/v1/articles/${slug}/comments`)).body.comments
      .some((c) => c.id === extra.body.comment.id), false, "back to pending");
    assert.deepEqual(a.errors, []);
    assert.deepEqual(b.errors, []);
  } finally {
    await browserA.close();
    await browserB.close();
    await server.stop();
  }
});
