// The editors' desk in Chromium: an editor signs in, writes an article,
// uploads its photo, publishes it; the page and the RSS feed show it; the
// editor updates it, and the "last update" time moves while the first
// publication time stays.
import assert from "node:assert/strict";
import { test } from "node:test";
import { demoJpeg, screenshotPath, signIn, startBrowser, startServer } from "./harness.mjs";
import { EDITOR } from "./pages.mjs";

const HEADLINE = "Kadıköy'de yeni kütüphane okurlarını bekliyor";
const LEAD = "Moda'daki tarihi konak, iki yıllık restorasyonun ardından halk kütüphanesi oldu.";
const BODY = [
  "Kadıköy Belediyesi'nin restore ettiği konak dün kapılarını açtı. Kütüphanede on iki bin kitap var.",
  "Açılış programı [belediyenin duyurusunda](https://example.org/duyuru) yer alıyor.",
].join("\n\n");

test("an editor writes, publishes with a photo, and updates an article", async () => {
  const server = await startServer();
  const browser = await startBrowser();
  try {
    server.addUser(...EDITOR, "editor");
    const jpeg = await demoJpeg(server);
    const page = await browser.page();
    await signIn(page, server, ...EDITOR, "/desk");
    assert.equal(new URL(page.url()).pathname, "/desk");

    await page.getByRole("link", { name: "Yeni haber" }).click();
    await page.getByLabel("Başlık").fill(HEADLINE);
    await page.getByLabel("Spot").fill(LEAD);
    await page.getByLabel("Metin").fill(BODY);
    await page.getByLabel("Kaynak").fill("Kadıköy Belediyesi");
    await page.getByLabel("Fotoğraf yükle").setInputFiles({ name: "konak.jpg", mimeType: "image/jpeg", buffer: jpeg });
    await page.getByLabel("Fotoğraf altı").fill("Restore edilen konağın okuma salonu");
    await page.getByLabel("Fotoğraf sahibi").fill("Elif Şahin");
    await page.setViewportSize({ width: 1100, height: 1300 });
    await page.screenshot({ path: screenshotPath("desk-editor.png") });
    await Promise.all([
      page.waitForURL(/\/desk\/articles\/\d+\?notice=published/),
      page.getByRole("button", { name: "Şimdi yayımla" }).click(),
    ]);
    await page.getByText("Yayımlandı.").waitFor();
    const published = await page.locator("time.published").getAttribute("datetime");
    const updated = await page.locator("time.updated").getAttribute("datetime");
    assert.equal(published, updated, "a first publication is also the last update");
    const slug = await page.inputValue("#article-slug");
    assert.equal(slug, "kadikoy-de-yeni-kutuphane-okurlarini-bekliyor");

    // The page readers see, with the photo and the link of the body.
    const reader = await browser.page();
    await reader.goto(`${server.url}/news/${slug}`);
    assert.equal(await reader.locator("h1").textContent(), HEADLINE);
    assert.equal(await reader.locator(".article-body a").getAttribute("href"), "https://example.org/duyuru");
    await reader.waitForFunction(() => {
      const img = document.querySelector("#photo img");
      return img && img.complete && img.naturalWidth > 0;
    });
    assert.equal(await reader.locator("#photo figcaption .caption").textContent(),
      "Restore edilen konağın okuma salonu");
    const rss = await (await fetch(`${server.url}/rss.xml`)).text();
    // (XML character data: the apostrophe comes as &#39;.)
    assert.ok(rss.includes(HEADLINE.replaceAll("'", "&#39;")), "the feed has it");
    assert.match(rss, /<enclosure url="[^"]+\/media\/photos\/\d+\/800\.jpg" length="\d+" type="image\/jpeg"\/>/);

    // An update, a second later: the last update moves, the first
    // publication does not, on the editor and on the page.
    await new Promise((r) => setTimeout(r, 1100));
    await page.getByLabel("Metin").fill(`${BODY}\n\nGüncelleme: kütüphane hafta sonu da açık.`);
    await Promise.all([
      page.waitForURL(/notice=saved/),
      page.getByRole("button", { name: "Güncelle" }).click(),
    ]);
    assert.equal(await page.locator("time.published").getAttribute("datetime"), published);
    const later = await page.locator("time.updated").getAttribute("datetime");
    assert.ok(later > updated, `${later} after ${updated}`);
    await reader.reload();
    assert.equal(await reader.locator("time.published").getAttribute("datetime"), published);
    assert.equal(await reader.locator("time.updated").getAttribute("datetime"), later);
    assert.match(await reader.locator(".article-body").textContent(), /hafta sonu da açık/);
    assert.match(await page.locator("section.audit").textContent(), /güncelledi[\s\S]*yayımladı[\s\S]*oluşturdu/);

    await page.goto(`${server.url}/desk`);
    await page.setViewportSize({ width: 1100, height: 700 });
    await page.screenshot({ path: screenshotPath("desk.png") });
    assert.equal(await page.locator(`tr[data-state="published"]`, { hasText: HEADLINE }).count(), 1);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(reader.errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});
