"""Integration tests of the news site: the real `newsroom serve` binary on a
free port with a fresh database, driven over HTTP.

Run: python3 tests/integration/site_test.py --binary build/newsroom
(ctest runs it as integration_site).
"""

import html
import json
import os
import re
import struct
import sys
import tempfile
import unittest
import urllib.parse
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import newsroom_server  # noqa: E402
from newsroom_server import NewsroomServer  # noqa: E402

BINARY = None
DEMO = "/news/"  # the demo article's slug is read from the API

CLEAN = "Köprünün açılması ilçeye çok yakışmış, emeği geçenlere teşekkürler."
ALL_CAPS = "BU HABER ÇOK GÜZEL OLMUŞ, EMEĞİ GEÇENLERE TEŞEKKÜRLER"
# Three misspelt words of seven: the spelling rule holds such a comment for
# a moderator rather than refusing it (config/policy.toml).
BORDERLINE = "Bu habr çok güzl olmuş, yazann eline sağlık."
XSS_TEXTS = [
    "Güzel bir haber olmuş <script>alert(1)</script> teşekkürler.",
    "Fotoğraf çok güzel <img src=x onerror=alert(1)> olmuş.",
]
XSS_AUTHOR = "<svg onload=alert(1)>Okur"


def tiny_png(width, height):
    """A valid RGB PNG of the given size, drawn here."""
    rows = b"".join(
        b"\x00" + b"".join(bytes((x * 7 % 256, y * 5 % 256, 128)) for x in range(width))
        for y in range(height))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


class SiteTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="newsroom-site-test-")
        cls.server = NewsroomServer(BINARY, cls.tmp.name).start()
        status, _, body = cls.server.json("GET", "/api/v1/articles")
        assert status == 200, status
        assert body["articles"], "a new database gets the demo article"
        cls.slug = body["articles"][0]["slug"]
        cls.server.add_user("moderatör1", "güçlü-parola-42", "moderator")
        cls.server.add_user("editor1", "editör-parola-42", "editor")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def post_comment(self, text, author="Ayşe Yılmaz", parent_id=None, slug=None):
        payload = {"author": author, "text": text}
        if parent_id is not None:
            payload["parent_id"] = parent_id
        return self.server.json("POST", "/api/v1/articles/%s/comments" % (slug or self.slug),
                                payload)

    def approved_texts(self):
        status, _, body = self.server.json("GET", "/api/v1/articles/%s/comments" % self.slug)
        self.assertEqual(status, 200)
        return {c["text"]: c for c in body["comments"]}

    def moderator(self):
        return self.server.login("moderatör1", "güçlü-parola-42")

    # -- The article page -------------------------------------------------

    def test_article_page_has_every_element_of_a_news_page(self):
        status, headers, body = self.server.request("GET", "/news/" + self.slug)
        self.assertEqual(status, 200)
        self.assertIn("text/html", headers["content-type"])
        page = body.decode()
        for needle in ["<h1", "Yayınlanma", "Son güncelleme",
                       "<figure", "<figcaption", "Kaynak",
                       "imla kuralları ile yazılmamış", "application/ld+json",
                       '"NewsArticle"', 'property="og:title"', 'property="og:image"',
                       "<form", 'name="text"', 'name="author"']:
            self.assertIn(needle, page, needle)
        # A Turkish site is in Turkish only (what people read: not the
        # schema.org keys of the JSON-LD, such as datePublished).
        readable = re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.S)
        for english in ["Published", "Last update", "Source:", "Our comment policy"]:
            self.assertNotIn(english, readable, english)
        # Times are shown in Istanbul and machine-readable in UTC.
        self.assertRegex(page, r'<time[^>]+datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"')
        ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        self.assertIsNotNone(ld)
        data = json.loads(ld.group(1))
        for key in ["headline", "image", "datePublished", "dateModified", "author", "publisher"]:
            self.assertIn(key, data)

    def test_front_page_rss_and_photo(self):
        status, _, body = self.server.request("GET", "/")
        self.assertEqual(status, 200)
        self.assertIn("/news/" + self.slug, body.decode())
        status, headers, body = self.server.request("GET", "/rss.xml")
        self.assertEqual(status, 200)
        self.assertIn("rss", headers["content-type"])
        self.assertIn(b"<rss", body)
        self.assertIn(("/news/" + self.slug).encode(), body)
        status, _, body = self.server.request("GET", "/news/%s/photo" % self.slug)
        self.assertEqual(status, 200)
        image = re.search(r'(/media/photos/\d+/[a-z0-9]+\.jpg)', body.decode())
        self.assertIsNotNone(image)
        status, headers, body = self.server.request("GET", image.group(1))
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "image/jpeg")
        self.assertTrue(body.startswith(b"\xff\xd8"))

    def test_health_and_metrics(self):
        status, _, body = self.server.request("GET", "/healthz")
        self.assertEqual((status, body), (200, b"ok\n"))
        self.post_comment(CLEAN + " Metrik.")
        status, headers, body = self.server.request("GET", "/metrics")
        self.assertEqual(status, 200)
        text = body.decode()
        self.assertIn('newsroom_http_requests_total{route="/healthz",method="GET",status="200"}', text)
        self.assertIn("newsroom_http_request_duration_seconds_bucket", text)
        self.assertRegex(text, r'newsroom_verdicts_total\{endpoint="comments",decision="approve"\} \d+')

    # -- Comments ---------------------------------------------------------

    def test_clean_comment_is_visible_at_once(self):
        status, headers, body = self.post_comment(CLEAN)
        self.assertEqual(status, 201, body)
        self.assertEqual(body["status"], "approved")
        self.assertEqual(body["verdict"]["decision"], "approve")
        self.assertIn(CLEAN, self.approved_texts())
        _, _, page = self.server.request("GET", "/news/" + self.slug)
        self.assertIn(html.escape(CLEAN, quote=False), page.decode())

    def test_all_caps_comment_is_refused_with_its_fix(self):
        status, _, body = self.post_comment(ALL_CAPS)
        self.assertEqual(status, 422, body)
        self.assertEqual(body["status"], "rejected")
        rules = {r["rule"]: r for r in body["verdict"]["rules"]}
        self.assertIn("all_caps", rules)
        self.assertTrue(rules["all_caps"]["violated"])
        self.assertEqual(rules["all_caps"]["fix"][:8], "Bu haber")
        self.assertNotIn(ALL_CAPS, self.approved_texts())

    def test_borderline_comment_waits_until_a_moderator_approves_it(self):
        status, _, body = self.post_comment(BORDERLINE)
        self.assertEqual(status, 201, body)
        self.assertEqual(body["status"], "pending")
        comment_id = body["comment"]["id"]
        self.assertNotIn(BORDERLINE, self.approved_texts())

        cookie, csrf = self.moderator()
        status, _, queue = self.server.json("GET", "/api/v1/moderation/queue?status=pending",
                                            headers={"Cookie": cookie})
        self.assertEqual(status, 200)
        item = [c for c in queue["comments"] if c["id"] == comment_id]
        self.assertEqual(len(item), 1)
        self.assertTrue(item[0]["verdict"]["rules"], "findings are explained")
        self.assertGreaterEqual(queue["counts"]["pending"], 1)

        # Without the CSRF header the decision is refused.
        status, _, _ = self.server.json("POST", "/api/v1/comments/%d/approve" % comment_id,
                                        headers={"Cookie": cookie})
        self.assertEqual(status, 403)
        status, _, decided = self.server.json(
            "POST", "/api/v1/comments/%d/approve" % comment_id,
            {"expected_status": "pending"}, headers={"Cookie": cookie, "X-CSRF-Token": csrf})
        self.assertEqual(status, 200, decided)
        self.assertEqual(decided["status"], "approved")
        self.assertIn(BORDERLINE, self.approved_texts())
        _, _, page = self.server.request("GET", "/news/" + self.slug)
        self.assertIn(html.escape(BORDERLINE, quote=False), page.decode())

        # A second decision that expects the old status does not overwrite.
        status, _, body = self.server.json(
            "POST", "/api/v1/comments/%d/reject" % comment_id,
            {"expected_status": "pending"}, headers={"Cookie": cookie, "X-CSRF-Token": csrf})
        self.assertEqual(status, 409, body)
        status, _, audit = self.server.json("GET", "/api/v1/moderation/audit",
                                            headers={"Cookie": cookie})
        self.assertEqual(status, 200)
        mine = [d for d in audit["decisions"] if d["comment_id"] == comment_id]
        self.assertIn(("moderatör1", "pending", "approved"),
                      [(d["decided_by"], d["from"], d["to"]) for d in mine])

    def test_replies_are_threaded(self):
        status, _, parent = self.post_comment("Çok güzel bir çalışma olmuş, teşekkürler.")
        self.assertEqual(status, 201, parent)
        status, _, reply = self.post_comment("Kesinlikle katılıyorum, çok güzel olmuş.",
                                             author="Mehmet", parent_id=parent["comment"]["id"])
        self.assertEqual(status, 201, reply)
        listed = self.approved_texts()["Kesinlikle katılıyorum, çok güzel olmuş."]
        self.assertEqual(listed["parent_id"], parent["comment"]["id"])
        status, _, body = self.post_comment("Bir yanıt.", parent_id=999999)
        self.assertEqual(status, 400, body)

    def test_report_sends_a_comment_to_the_reported_queue(self):
        status, _, posted = self.post_comment("Belediye bu işi çok iyi yapmış, tebrikler.")
        self.assertEqual(status, 201, posted)
        comment_id = posted["comment"]["id"]
        counts = []
        for i in range(3):  # the default threshold; each reporter counts once
            status, _, body = self.server.json(
                "POST", "/api/v1/comments/%d/report" % comment_id,
                headers={"X-Forwarded-For": "10.0.0.%d" % i})
            self.assertEqual(status, 200, body)
            counts.append(body["report_count"])
        # The server does not trust X-Forwarded-For by default: one reporter.
        self.assertEqual(counts, [1, 1, 1])

    def test_moderate_api_returns_a_verdict_without_posting(self):
        status, _, body = self.server.json("POST", "/api/v1/moderate", {"text": ALL_CAPS})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["decision"], "reject")
        self.assertIn("all_caps", [r["rule"] for r in body["rules"]])
        status, _, body = self.server.json("POST", "/api/v1/moderate",
                                           {"text": CLEAN, "lang": "tr"})
        self.assertEqual((status, body["decision"]), (200, "approve"))
        status, _, body = self.server.json("POST", "/api/v1/moderate",
                                           {"text": CLEAN, "lang": "xx"})
        self.assertEqual(status, 400)

    def test_reader_api_answers_other_origins(self):
        # The embed calls these from other sites' pages; nothing else is open
        # (reporting neither: hostile_test.py).
        for path in ("/api/v1/moderate", "/api/v1/articles/%s/comments" % self.slug):
            status, headers, _ = self.server.request(
                "OPTIONS", path, headers={"Origin": "https://baska.example",
                                          "Access-Control-Request-Method": "POST",
                                          "Access-Control-Request-Headers": "content-type"})
            self.assertEqual(status, 204, path)
            self.assertEqual(headers.get("access-control-allow-origin"), "*", path)
            self.assertIn("POST", headers.get("access-control-allow-methods", ""), path)
            self.assertIn("Content-Type", headers.get("access-control-allow-headers", ""))
        status, headers, _ = self.server.json("POST", "/api/v1/moderate", {"text": CLEAN})
        self.assertEqual((status, headers.get("access-control-allow-origin")), (200, "*"))
        status, headers, _ = self.server.json("POST", "/api/v1/moderate", {"text": 5})
        self.assertEqual((status, headers.get("access-control-allow-origin")), (400, "*"))
        status, headers, _ = self.server.json("GET", "/api/v1/moderation/queue")
        self.assertIsNone(headers.get("access-control-allow-origin"))
        status, _, _ = self.server.request("OPTIONS", "/api/v1/session")
        self.assertEqual(status, 405)

    def test_xss_payloads_come_back_inert(self):
        cookie, csrf = self.moderator()
        for text in XSS_TEXTS:
            status, _, body = self.post_comment(text, author=XSS_AUTHOR)
            self.assertIn(status, (201, 422), body)
            if body["status"] != "approved":
                # Whatever the rules thought, publish it to see it rendered.
                if body["status"] == "rejected":
                    continue
                status, _, _ = self.server.json(
                    "POST", "/api/v1/comments/%d/approve" % body["comment"]["id"],
                    headers={"Cookie": cookie, "X-CSRF-Token": csrf})
                self.assertEqual(status, 200)
        _, _, page = self.server.request("GET", "/news/" + self.slug)
        page = page.decode()
        self.assertNotIn("<script>alert(1)</script>", page)
        self.assertNotIn("<img src=x onerror", page)
        self.assertNotIn("<svg onload", page)
        self.assertIn("&lt;svg onload=alert(1)&gt;Okur", page)
        # The moderation page shows them inert too.
        _, _, mod = self.server.request("GET", "/moderation?status=rejected",
                                        headers={"Cookie": cookie})
        mod = mod.decode()
        self.assertNotIn("<script>alert(1)</script>", mod)
        self.assertNotIn("<svg onload", mod)

    # -- Bad input --------------------------------------------------------

    def test_bad_requests_get_json_errors_that_say_what_is_wrong(self):
        path = "/api/v1/articles/%s/comments" % self.slug
        cases = [
            ("malformed JSON", b'{"author": "A", "text": ', 400, "not valid JSON"),
            ("not an object", b'["A", "B"]', 400, "JSON object"),
            ("missing text", b'{"author": "A"}', 400, '"text" is required'),
            ("wrong type", b'{"author": "A", "text": 42}', 400, '"text" is required and must be a string'),
            ("wrong parent type", b'{"author": "A", "text": "Merhaba", "parent_id": "x"}', 400, "parent_id"),
            ("invalid UTF-8", b'{"author": "A", "text": "Merhaba \xff\xfe d\xc3"}', 400, "UTF-8"),
            ("oversize", json.dumps({"author": "A", "text": "a" * 70000}).encode(), 413, "exceeds"),
            ("too long for the engine", json.dumps({"author": "A", "text": "güzel " * 1000}).encode(),
             422, "5000"),
        ]
        for name, payload, code, message in cases:
            with self.subTest(name):
                status, headers, body = self.server.json(
                    "POST", path, body=payload, headers={"Content-Type": "application/json"})
                self.assertEqual(status, code, body)
                self.assertIn("application/json", headers["content-type"])
                self.assertIn(message, body["error"]["message"])
                self.assertEqual(body["error"]["code"], code)

        status, _, body = self.server.json("POST", "/api/v1/articles/no-such-article/comments",
                                           {"author": "A", "text": CLEAN})
        self.assertEqual(status, 404)
        self.assertIn("no-such-article", body["error"]["message"])
        status, headers, body = self.server.json("DELETE", path)
        self.assertEqual(status, 405)
        self.assertIn("POST", headers["allow"])
        status, _, body = self.server.json("GET", "/api/v1/nothing-here")
        self.assertEqual(status, 404)

    def test_body_over_the_server_limit_is_refused_before_reading_it(self):
        answer = self.server.raw(
            b"POST /api/v1/moderate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 999999999\r\n\r\n{")
        self.assertTrue(answer.startswith(b"HTTP/1.1 413"), answer[:100])

    def test_malformed_http_gets_400(self):
        answer = self.server.raw(b"THIS IS NOT HTTP\r\n\r\n")
        self.assertTrue(answer.startswith(b"HTTP/1.1 400"), answer[:100])

    # -- Accounts ---------------------------------------------------------

    def test_login_failures_are_limited_and_cookie_is_safe(self):
        self.server.add_user("deneme", "doğru-parola-1", "moderator")
        codes = [self.server.json("POST", "/api/v1/session",
                                  {"username": "deneme", "password": "yanlış"})[0]
                 for _ in range(6)]
        self.assertEqual(codes[:5], [401] * 5)
        self.assertEqual(codes[5], 429)
        status, _, _ = self.server.json("POST", "/api/v1/session",
                                        {"username": "deneme", "password": "doğru-parola-1"})
        self.assertEqual(status, 429, "still blocked in the window, even with the right one")
        # The address is limited separately and more loosely: another user
        # from it still logs in.
        status, _, _ = self.server.json(
            "POST", "/api/v1/session", {"username": "editor1", "password": "editör-parola-42"})
        self.assertEqual(status, 200)

    def test_queue_needs_a_login(self):
        status, _, body = self.server.json("GET", "/api/v1/moderation/queue")
        self.assertEqual(status, 401)
        status, headers, _ = self.server.request("GET", "/moderation")
        self.assertEqual(status, 303)
        self.assertEqual(headers["location"], "/login?next=/moderation")

    def test_session_cookie_flags(self):
        status, headers, _ = self.server.json(
            "POST", "/api/v1/session", {"username": "editor1", "password": "editör-parola-42"})
        self.assertEqual(status, 200)
        cookie = headers["set-cookie"]
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Strict", cookie)

    # -- Editors ----------------------------------------------------------

    def test_editor_publishes_and_updates_an_article_with_a_photo(self):
        cookie, csrf = self.server.login("editor1", "editör-parola-42")
        auth = {"Cookie": cookie, "X-CSRF-Token": csrf}
        status, _, photo = self.server.json("POST", "/api/v1/photos", body=tiny_png(900, 600),
                                            headers=dict(auth, **{"Content-Type": "image/png"}))
        self.assertEqual(status, 201, photo)
        self.assertEqual([s["name"] for s in photo["sizes"]],
                         ["orig", "orig.webp", "800", "800.webp", "400", "400.webp",
                          "16x9", "4x3", "1x1"])
        webp = [s for s in photo["sizes"] if s["name"].endswith(".webp")]
        self.assertTrue(all(s["content_type"] == "image/webp" and
                            s["url"].endswith(".webp") for s in webp))
        article = {"slug": "meclis-toplandi", "headline": "Meclis yeni dönemde ilk kez toplandı",
                   "lead": "Belediye meclisi bütçeyi görüştü.",
                   "body": "Birinci paragraf.\n\nİkinci paragraf.", "photo_id": photo["id"],
                   "photo_caption": "Meclis salonu", "source": "Newsroom"}
        status, _, created = self.server.json("POST", "/api/v1/articles", article, headers=auth)
        self.assertEqual(status, 201, created)
        status, _, again = self.server.json("POST", "/api/v1/articles", article, headers=auth)
        self.assertEqual(status, 409, again)
        status, _, updated = self.server.json(
            "PATCH", "/api/v1/articles/meclis-toplandi",
            {"headline": "Meclis yeni dönemde ilk kez toplandı ve bütçeyi kabul etti"},
            headers=auth)
        self.assertEqual(status, 200, updated)
        self.assertGreaterEqual(updated["updated_at"], created["updated_at"])
        self.assertEqual(updated["published_at"], created["published_at"])
        status, _, page = self.server.request("GET", "/news/meclis-toplandi")
        self.assertEqual(status, 200)
        self.assertIn("bütçeyi kabul etti", page.decode())
        # A moderator is not an editor.
        mcookie, mcsrf = self.moderator()
        status, _, _ = self.server.json("POST", "/api/v1/articles", dict(article, slug="x"),
                                        headers={"Cookie": mcookie, "X-CSRF-Token": mcsrf})
        self.assertEqual(status, 403)
        status, _, body = self.server.json("POST", "/api/v1/photos", body=b"not an image",
                                           headers=dict(auth, **{"Content-Type": "image/png"}))
        self.assertEqual(status, 422, body)


# Clean comments the engine publishes at once, one per thread of the
# paging tests.
PAGED = [
    "Köprünün açılması ilçeye çok yakışmış, emeği geçenlere teşekkürler.",
    "Trafik sabahları artık çok daha rahat akıyor.",
    "Belediye bu işi zamanında bitirdi, tebrik ederim.",
    "Yaya yolu da genişletilmiş, yürümek çok keyifli.",
    "Akşam ışıklandırması da çok güzel olmuş.",
    "Bisiklet yolu da eklenseydi daha iyi olurdu.",
    "Köprüden her gün geçiyorum, fark gerçekten büyük.",
]


class PagingTest(unittest.TestCase):
    """An article's comments come a window of threads at a time: three a
    page here, so that seven threads make three windows."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="newsroom-paging-test-")
        config = os.path.join(cls.tmp.name, "server.toml")
        with open(config, "w", encoding="utf-8") as f:
            f.write("[comments]\nthreads_per_page = 3\n")
        cls.server = NewsroomServer(BINARY, cls.tmp.name, ["--config", config]).start()
        cls.server.add_user("editor1", "editör-parola-42", "editor")
        cookie, csrf = cls.server.login("editor1", "editör-parola-42")
        cls.slug = "kopru-yorumlari"
        for slug in (cls.slug, "baska-haber"):
            status, _, body = cls.server.json(
                "POST", "/api/v1/articles",
                {"slug": slug, "headline": "Köprü yeniden açıldı",
                 "lead": "Köprü üç ayın ardından açıldı.", "body": "Bir paragraf."},
                headers={"Cookie": cookie, "X-CSRF-Token": csrf})
            assert status == 201, body
        cls.ids = []  # oldest first
        for text in PAGED:
            status, _, body = cls.server.json(
                "POST", "/api/v1/articles/%s/comments" % cls.slug,
                {"author": "Okur", "text": text})
            assert status == 201 and body["status"] == "approved", body
            cls.ids.append(body["comment"]["id"])
        status, _, body = cls.server.json(
            "POST", "/api/v1/articles/baska-haber/comments",
            {"author": "Okur", "text": PAGED[0]})
        assert status == 201, body
        cls.other_id = body["comment"]["id"]

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def page(self, query=""):
        status, headers, body = self.server.request("GET", "/news/%s%s" % (self.slug, query))
        return status, headers, body.decode()

    def top_level_ids(self, page):
        """The ids of the page's threads, in the page's order."""
        listed = re.search(r'<ol class="comment-list">(.*)</ol>\s*(<nav|</section>)', page, re.S)
        if not listed:
            return []
        ids, depth = [], 0
        for tag in re.finditer(r'<(/?)ol\b|<li class="comment"[^>]*data-comment-id="(\d+)"',
                               listed.group(1)):
            if tag.group(2) and depth == 0:
                ids.append(int(tag.group(2)))
            elif tag.group(2) is None:
                depth += -1 if tag.group(1) else 1
        return ids

    def total(self):
        """Every published comment of the article (other tests add replies)."""
        status, _, body = self.server.json("GET", "/api/v1/articles/%s/comments" % self.slug)
        self.assertEqual(status, 200, body)
        return body["total"]

    def cache_entries(self):
        _, _, body = self.server.request("GET", "/metrics")
        for line in body.decode().splitlines():
            if line.startswith("newsroom_page_cache_entries "):
                return float(line.split()[1])
        self.fail("no newsroom_page_cache_entries in /metrics")

    def test_the_page_walks_its_windows_by_plain_links_to_the_end(self):
        cases = [("", "Daha eski yorumlar", list(reversed(self.ids))),
                 ("?order=oldest", "Daha yeni yorumlar", self.ids)]
        for query, link_text, expected in cases:
            with self.subTest(order=query or "newest"):
                seen, sizes, url = [], [], "/news/%s%s" % (self.slug, query)
                count = '<span class="count">(%d)</span>' % self.total()
                for _ in range(10):
                    status, _, body = self.server.request("GET", url)
                    self.assertEqual(status, 200, url)
                    page = body.decode()
                    self.assertTrue(count in page, "%s: no %s" % (url, count))
                    window = self.top_level_ids(page)
                    sizes.append(len(window))
                    seen += window
                    more = re.search(r'<a class="more-comments" rel="next" href="([^"]+)"[^>]*>'
                                     r'([^<]+)</a>', page)
                    if not more:
                        break
                    self.assertEqual(more.group(2), link_text)
                    url = html.unescape(more.group(1)).split("#")[0]
                    self.assertIn("cursor=%d" % window[-1], url)
                self.assertEqual(sizes, [3, 3, 1])
                self.assertEqual(seen, expected)

    def test_the_api_walks_its_windows_to_the_end_and_revalidates(self):
        cases = [("", 2, [2, 2, 2, 1], list(reversed(self.ids))),
                 ("order=oldest&", 3, [3, 3, 1], self.ids),
                 ("", None, [3, 3, 1], list(reversed(self.ids)))]
        for query, limit, sizes_expected, expected in cases:
            with self.subTest(query=query, limit=limit):
                seen, sizes, cursor, total = [], [], None, self.total()
                for _ in range(10):
                    params = query + ("limit=%d&" % limit if limit else "")
                    if cursor is not None:
                        params += "cursor=" + cursor
                    status, headers, body = self.server.json(
                        "GET", "/api/v1/articles/%s/comments?%s" % (self.slug, params))
                    self.assertEqual(status, 200, body)
                    self.assertEqual(body["total"], total)
                    tops = [c["id"] for c in body["comments"] if c["parent_id"] is None]
                    sizes.append(len(tops))
                    seen += tops
                    status, _, _ = self.server.request(
                        "GET", "/api/v1/articles/%s/comments?%s" % (self.slug, params),
                        headers={"If-None-Match": headers["etag"]})
                    self.assertEqual(status, 304)
                    cursor = body["next_cursor"]
                    if cursor is None:
                        break
                self.assertEqual(sizes, sizes_expected)
                self.assertEqual(seen, expected)

    def test_hostile_cursors_are_400_and_cache_nothing(self):
        self.page()  # the first window, cached
        before = self.cache_entries()
        cursors = ["abc", "-5", "0", "007", "+7", " 7", "1e3", "",
                   "99999999999999999999999", "9223372036854775807",
                   str(self.other_id), "%d" % (self.ids[-1] + 1000)]
        for cursor in cursors:
            with self.subTest(cursor=cursor):
                status, _, page = self.page("?cursor=" + urllib.parse.quote(cursor))
                self.assertEqual(status, 400, cursor)
                self.assertTrue("yorum sayfası yok" in page, cursor)
                status, _, body = self.server.json(
                    "GET", "/api/v1/articles/%s/comments?cursor=%s"
                    % (self.slug, urllib.parse.quote(cursor)))
                self.assertEqual(status, 400, body)
                self.assertIn("cursor", json.dumps(body))
        for limit in ["0", "-1", "201", "x", "05", "3.0"]:
            with self.subTest(limit=limit):
                status, _, body = self.server.json(
                    "GET", "/api/v1/articles/%s/comments?limit=%s" % (self.slug, limit))
                self.assertEqual(status, 400, body)
                self.assertIn("limit", json.dumps(body))
        self.assertEqual(self.cache_entries(), before)

    def test_a_permalink_shows_the_window_with_its_comment(self):
        # A reply, through the plain form, to the oldest thread: the first
        # window (newest first) does not hold it; the redirect's does.
        oldest = self.ids[0]
        form = urllib.parse.urlencode({"author": "Zeynep", "parent_id": str(oldest),
                                       "text": "Katılıyorum, köprü gerçekten çok güzel."})
        status, headers, _ = self.server.request(
            "POST", "/news/%s/comments" % self.slug, body=form,
            headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 303)
        location = headers["location"]
        reply = int(re.search(r"#comment-(\d+)$", location).group(1))
        self.assertIn("comment=%d" % reply, location)
        status, _, page = self.page(location[len("/news/" + self.slug):].split("#")[0])
        self.assertEqual(status, 200)
        self.assertTrue('id="comment-%d"' % reply in page, "the reply is on its page")
        self.assertEqual(self.top_level_ids(page)[0], oldest)
        self.assertTrue('<span class="count">(%d)</span>' % self.total() in page)
        _, _, first = self.page()
        self.assertFalse('id="comment-%d"' % reply in first, "not in the first window")
        # Replying to it from a later window keeps the comment in view.
        status, _, page = self.page("?reply_to=%d" % reply)
        self.assertTrue('<p class="replying-to">' in page, "replying to it")


class RestartTest(unittest.TestCase):
    def test_acknowledged_comments_survive_a_restart(self):
        with tempfile.TemporaryDirectory(prefix="newsroom-restart-") as tmp:
            server = NewsroomServer(BINARY, tmp).start()
            _, _, body = server.json("GET", "/api/v1/articles")
            slug = body["articles"][0]["slug"]
            posted = {}
            for i in range(20):
                text = "Bu haberi okudum, %d. kez teşekkürler." % (i + 1)
                status, _, answer = server.json(
                    "POST", "/api/v1/articles/%s/comments" % slug, {"author": "Okur", "text": text})
                self.assertEqual(status, 201, answer)
                posted[answer["comment"]["id"]] = answer["status"]
            server.stop()
            server = NewsroomServer(BINARY, tmp).start()
            try:
                server.add_user("m", "parola-parola", "moderator")
                cookie, _ = server.login("m", "parola-parola")
                seen = set()
                for status_name in ("approved", "pending"):
                    status, _, queue = server.json(
                        "GET", "/api/v1/moderation/queue?status=%s&limit=1000" % status_name,
                        headers={"Cookie": cookie})
                    self.assertEqual(status, 200)
                    seen |= {c["id"] for c in queue["comments"]}
                self.assertEqual(set(posted) - seen, set())
                # The demo article was not added twice.
                _, _, body = server.json("GET", "/api/v1/articles")
                self.assertEqual(len(body["articles"]), 1)
            finally:
                server.stop()


if __name__ == "__main__":
    newsroom_server.main(globals())
