"""Integration tests of what search engines, news aggregators and browsers
read beside the pages: robots.txt, the sitemaps, the RSS feed's photo and
validators, JSON-LD, icons, compressed answers and the content-hashed
script. The real `newsroom serve` binary on a free port, over HTTP.

Run: python3 tests/integration/seo_test.py --binary build/newsroom
(ctest runs it as integration_seo).
"""

import gzip
import json
import os
import re
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import newsroom_server  # noqa: E402
from newsroom_server import NewsroomServer  # noqa: E402

BINARY = None
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class SeoTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="newsroom-seo-test-")
        config = os.path.join(cls.tmp.name, "server.toml")
        with open(config, "w") as f:
            f.write('[server]\nbase_url = "https://haber.example.org"\n'
                    '[site]\nassets_dir = "%s"\n' % os.path.join(REPO, "web", "dist"))
        cls.server = NewsroomServer(BINARY, cls.tmp.name,
                                    extra_args=["--config", config]).start()
        _, _, body = cls.server.json("GET", "/api/v1/articles")
        cls.slug = body["articles"][0]["slug"]
        _, _, page = cls.server.request("GET", "/news/" + cls.slug)
        cls.page = page.decode()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def test_robots_txt_points_at_the_sitemaps_and_keeps_out_of_the_desk(self):
        status, headers, body = self.server.request("GET", "/robots.txt")
        self.assertEqual(status, 200)
        self.assertIn("text/plain", headers["content-type"])
        text = body.decode()
        for line in ["User-agent: *", "Disallow: /desk", "Disallow: /moderation",
                     "Disallow: /api/", "Sitemap: https://haber.example.org/sitemap.xml",
                     "Sitemap: https://haber.example.org/news-sitemap.xml"]:
            self.assertIn(line, text)

    def test_sitemaps_list_the_articles(self):
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
              "n": "http://www.google.com/schemas/sitemap-news/0.9"}
        status, _, body = self.server.request("GET", "/sitemap.xml")
        self.assertEqual(status, 200)
        root = ET.fromstring(body)
        locs = [u.find("s:loc", ns).text for u in root.findall("s:url", ns)]
        self.assertIn("https://haber.example.org/news/" + self.slug, locs)
        self.assertTrue(all(u.find("s:lastmod", ns) is not None for u in root.findall("s:url", ns)))
        status, _, body = self.server.request("GET", "/news-sitemap.xml")
        root = ET.fromstring(body)
        urls = root.findall("s:url", ns)
        self.assertEqual(len(urls), 1)  # the demo article, published hours ago
        news = urls[0].find("n:news", ns)
        self.assertEqual(news.find("n:publication/n:name", ns).text, "Newsroom")
        self.assertEqual(news.find("n:publication/n:language", ns).text, "tr")
        self.assertRegex(news.find("n:publication_date", ns).text, r"^\d{4}-\d\d-\d\dT")
        self.assertTrue(news.find("n:title", ns).text)

    def test_rss_has_the_photo_and_answers_304_when_unchanged(self):
        status, headers, body = self.server.request("GET", "/rss.xml")
        self.assertEqual(status, 200)
        item = ET.fromstring(body).find("channel/item")
        enclosure = item.find("enclosure")
        self.assertIsNotNone(enclosure)
        self.assertEqual(enclosure.get("type"), "image/jpeg")
        url = enclosure.get("url")
        self.assertTrue(url.startswith("https://haber.example.org/media/photos/"), url)
        status, _, jpeg = self.server.request("GET", url[len("https://haber.example.org"):])
        self.assertEqual(status, 200)
        self.assertEqual(int(enclosure.get("length")), len(jpeg))
        etag, modified = headers["etag"], headers["last-modified"]
        self.assertRegex(modified, r"^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$")
        status, _, body = self.server.request("GET", "/rss.xml", headers={"If-None-Match": etag})
        self.assertEqual((status, body), (304, b""))
        status, _, _ = self.server.request("GET", "/rss.xml",
                                           headers={"If-Modified-Since": modified})
        self.assertEqual(status, 304)
        status, _, _ = self.server.request("GET", "/rss.xml",
                                           headers={"If-None-Match": '"other"'})
        self.assertEqual(status, 200)

    def test_json_ld_names_the_publisher_with_its_logo_and_three_crops(self):
        ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>',
                                  self.page, re.S).group(1))
        publisher = ld["publisher"]
        self.assertEqual(publisher["name"], "Newsroom")
        self.assertEqual(publisher["url"], "https://haber.example.org/")
        logo = publisher["logo"]
        self.assertTrue(logo["url"].endswith("/assets/logo.png"))
        status, headers, png = self.server.request("GET", "/assets/logo.png")
        self.assertEqual((status, headers["content-type"]), (200, "image/png"))
        self.assertTrue(png.startswith(b"\x89PNG"))
        self.assertEqual(png[16:24], b"\x00\x00\x02\x00\x00\x00\x02\x00")  # 512 × 512
        # The demo article is signed by the news desk: an Organization.
        self.assertEqual(ld["author"]["@type"], "Organization")
        self.assertEqual(ld["inLanguage"], "tr")
        self.assertEqual([re.search(r"/(\w+)\.jpg$", u).group(1) for u in ld["image"]],
                         ["16x9", "4x3", "1x1"])
        for url, ratio in zip(ld["image"], [16 / 9, 4 / 3, 1]):
            _, _, jpeg = self.server.request("GET", url[len("https://haber.example.org"):])
            height, width = jpeg_size(jpeg)
            self.assertAlmostEqual(width / height, ratio, places=2)

    def test_pages_have_icons_descriptions_and_the_lead_photo_first(self):
        self.assertIn('<link rel="icon" href="/favicon.svg" type="image/svg+xml">', self.page)
        status, headers, body = self.server.request("GET", "/favicon.svg")
        self.assertEqual((status, headers["content-type"]), (200, "image/svg+xml"))
        self.assertIn(b"<svg", body)
        status, headers, body = self.server.request("GET", "/favicon.ico")
        self.assertEqual(status, 200)
        self.assertTrue(body.startswith(b"\x89PNG"))
        for path in ["/", "/news/" + self.slug, "/news/%s/photo" % self.slug]:
            _, _, body = self.server.request("GET", path)
            self.assertRegex(body.decode(), r'<meta name="description" content="[^"]{20,}">', path)
        img = re.search(r'<figure class="photo" id="photo">\s*<picture>(.*?)</picture>',
                        self.page, re.S).group(1)
        self.assertIn('type="image/webp"', img)
        self.assertIn('fetchpriority="high"', img)
        self.assertIn('sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)"', img)
        webp = re.search(r'srcset="([^" ]+\.webp)', img).group(1)
        status, headers, body = self.server.request("GET", webp)
        self.assertEqual((status, headers["content-type"]), (200, "image/webp"))
        self.assertEqual(body[8:12], b"WEBP")
        _, _, photo_page = self.server.request("GET", "/news/%s/photo" % self.slug)
        self.assertIn('sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)"',
                      photo_page.decode())

    def test_answers_are_gzipped_for_browsers_and_the_script_is_immutable(self):
        status, headers, body = self.server.request(
            "GET", "/news/" + self.slug, headers={"Accept-Encoding": "gzip, deflate, br"})
        self.assertEqual(headers.get("content-encoding"), "gzip")
        self.assertIn("Accept-Encoding", headers.get("vary", ""))
        self.assertEqual(gzip.decompress(body).decode(), self.page)
        self.assertLess(len(body), len(self.page.encode()) / 2)
        status, headers, body = self.server.request("GET", "/news/" + self.slug)
        self.assertNotIn("content-encoding", headers)  # only when asked
        script = re.search(r'<script type="module" src="(/assets/newsroom-[\w-]+\.js)">',
                           self.page)
        self.assertIsNotNone(script, "the page links the hashed script")
        status, headers, body = self.server.request(
            "GET", script.group(1), headers={"Accept-Encoding": "gzip"})
        self.assertEqual(status, 200)
        self.assertEqual(headers["cache-control"], "public, max-age=31536000, immutable")
        self.assertEqual(headers["content-encoding"], "gzip")
        js = gzip.decompress(body).decode()
        # Minified: few lines for its size.
        self.assertGreater(len(js) / max(1, js.count("\n")), 500)
        css = re.search(r'<link rel="stylesheet" href="(/assets/site-[0-9a-f]{8}\.css)">',
                        self.page)
        self.assertIsNotNone(css)
        status, headers, _ = self.server.request("GET", css.group(1))
        self.assertEqual(headers["cache-control"], "public, max-age=31536000, immutable")
        # Images are not compressed again.
        img = re.search(r'src="(/media/photos/[^"]+\.jpg)"', self.page).group(1)
        _, headers, _ = self.server.request("GET", img, headers={"Accept-Encoding": "gzip"})
        self.assertNotIn("content-encoding", headers)


def jpeg_size(data):
    """(height, width) of a JPEG, from its SOF marker."""
    i = 2
    while i < len(data):
        marker, length = data[i + 1], int.from_bytes(data[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            return (int.from_bytes(data[i + 5:i + 7], "big"),
                    int.from_bytes(data[i + 7:i + 9], "big"))
        i += 2 + length
    raise ValueError("no SOF marker")


if __name__ == "__main__":
    newsroom_server.main(globals())
