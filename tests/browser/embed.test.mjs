// The embed on another site: tests/browser/embed-example.html served from
// a second origin (127.0.0.2) loads embed.js from the Newsroom server
// (127.0.0.1), which lists the comments and checks a draft through the API.
// The server answers the other origin's preflight and requests with CORS
// headers (docs/api.md).
import assert from "node:assert/strict";
import { test } from "node:test";
import { ALL_CAPS, readRepoFile, startBrowser, startServer, startStatic, waitForLive } from "./harness.mjs";

test("the embed shows the comments and the live check on another site's page", async () => {
  const server = await startServer();
  const browser = await startBrowser();
  let host;
  try {
    const slug = await server.slug();
    const example = readRepoFile("tests/browser/embed-example.html")
      .replaceAll("https://haber.example.com", server.url)
      .replaceAll("bogazda-yeni-vapur-hatti-hizmete-girdi", slug);
    host = await startStatic({ "/index.html": example });

    const preflight = await fetch(`${server.url}/api/v1/moderate`, {
      method: "OPTIONS",
      headers: { Origin: host.url, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type" },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
    assert.match(preflight.headers.get("access-control-allow-methods") ?? "", /POST/);

    const page = await browser.page();
    await page.goto(host.url);
    const root = page.locator("#newsroom-comments");
    await root.locator("li.comment").first().waitFor({ timeout: 20_000 });
    assert.ok((await root.locator("li.comment").count()) >= 5, "the demo article's comments");
    assert.ok((await root.locator("ol.replies li.comment").count()) >= 1, "threaded");

    await root.getByLabel("Adınız").fill("Uzaktan Okur");
    await root.getByLabel("Yorumunuz").pressSequentially(ALL_CAPS, { delay: 2 });
    await waitForLive(root.locator("[role=status]"), /büyük harflerle/);
    await root.getByRole("button", { name: "Düzeltmeyi uygula" }).click();
    await root.getByRole("button", { name: "Gönder" }).click();
    await waitForLive(root.locator("[role=status]"), /yayımlandı/);
    await root.locator("li.comment", { hasText: "Bu haber çok güzel olmuş" }).waitFor();
  } finally {
    await browser.close();
    await host?.close();
    await server.stop();
  }
});
