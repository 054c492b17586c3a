// The moderator's side: a comment held for review is approved from the
// dashboard with a keyboard shortcut, without a reload, and appears on the
// article.
import assert from "node:assert/strict";
import { test } from "node:test";
import { BORDERLINE, startBrowser, startServer, waitForLive } from "./harness.mjs";

test("a borderline comment waits, a moderator approves it, readers see it", async () => {
  const server = await startServer();
  const browser = await startBrowser();
  try {
    server.addUser("moderatör1", "güçlü-parola-42");
    const slug = await server.slug();
    const page = await browser.page();
    await page.goto(`${server.url}/news/${slug}`);
    await page.waitForFunction(() => document.documentElement.classList.contains("nr-js"));
    await page.fill("#comment-author", "Mehmet Kara");
    await page.fill("#comment-text", BORDERLINE);
    await page.getByRole("button", { name: /Gönder/ }).click();
    await waitForLive(page.locator("#comment-feedback"), /moderatörün onayını bekliyor/);
    assert.equal(await page.locator("li.comment", { hasText: BORDERLINE }).count(), 0);

    // Sign in with the plain form.
    await page.goto(`${server.url}/login`);
    await page.fill("#login-username", "moderatör1");
    await page.fill("#login-password", "güçlü-parola-42");
    await Promise.all([page.waitForURL(/\/moderation/), page.getByRole("button", { name: /Giriş yap/ }).click()]);
    const item = page.locator("li.queue-item", { hasText: BORDERLINE });
    await item.waitFor();
    const count = (status) => page.locator(`nav.tabs a[data-status="${status}"] .count`).textContent();
    const pendingBefore = Number((await count("pending")).replace(/\D/g, ""));
    const approvedBefore = Number((await count("approved")).replace(/\D/g, ""));
    assert.ok(pendingBefore >= 1);

    // The keys work inside the queue: focus its first comment.
    await page.evaluate(() => { window.__noReload = true; });
    await page.locator("li.queue-item").first().focus();
    await page.waitForFunction(() => document.activeElement?.matches("li.queue-item.nr-current"));

    // Select our comment and approve it with "a".
    const total = await page.locator("li.queue-item").count();
    for (let i = 0; i < total; i++) {
      if (await item.evaluate((e) => e.classList.contains("nr-current"))) break;
      await page.keyboard.press("j");
    }
    assert.equal(await item.evaluate((e) => e.classList.contains("nr-current")), true);
    await page.keyboard.press("a");
    await item.waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => window.__noReload), true, "no reload");
    assert.equal(Number((await count("pending")).replace(/\D/g, "")), pendingBefore - 1);
    assert.equal(Number((await count("approved")).replace(/\D/g, "")), approvedBefore + 1);
    await waitForLive(page.locator("#nr-announcer"), /onaylandı/);

    await page.goto(`${server.url}/news/${slug}`);
    await page.locator("li.comment", { hasText: BORDERLINE }).waitFor();
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test("reject by button leaves the queue without a reload", async () => {
  const server = await startServer();
  const browser = await startBrowser();
  try {
    server.addUser("moderatör2", "güçlü-parola-42");
    const slug = await server.slug();
    const posted = await server.json("POST", `/api/v1/articles/${slug}/comments`,
      { author: "Okur", text: BORDERLINE });
    assert.equal(posted.body.status, "pending");
    const page = await browser.page();
    await page.goto(`${server.url}/login`);
    await page.fill("#login-username", "moderatör2");
    await page.fill("#login-password", "güçlü-parola-42");
    await Promise.all([page.waitForURL(/\/moderation/), page.getByRole("button", { name: /Giriş yap/ }).click()]);
    await page.evaluate(() => { window.__noReload = true; });
    const item = page.locator(`li.queue-item[data-comment-id="${posted.body.comment.id}"]`);
    await item.getByRole("button", { name: /Reddet/ }).click();
    await item.waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => window.__noReload), true);
    const queue = await server.json("GET", `/api/v1/articles/${slug}/comments`);
    assert.equal(queue.body.comments.some((c) => c.text === BORDERLINE), false);
    await page.goto(`${server.url}/moderation?status=rejected`);
    await page.locator(`li.queue-item[data-comment-id="${posted.body.comment.id}"]`).waitFor();
  } finally {
    await browser.close();
    await server.stop();
  }
});
