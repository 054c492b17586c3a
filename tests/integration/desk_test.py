"""Integration tests of the editors' desk (/desk): the real `newsroom serve`
binary on a free port with a fresh database, driven over HTTP with the
forms a browser sends (multipart/form-data, with a photo).

Run: python3 tests/integration/desk_test.py --binary build/newsroom
(ctest runs it as integration_desk).
"""

import os
import re
import sys
import tempfile
import time
import unittest
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import newsroom_server  # noqa: E402
from newsroom_server import NewsroomServer  # noqa: E402
from site_test import tiny_png  # noqa: E402

BINARY = None


def multipart(fields, files=()):
    """A multipart/form-data body as a browser builds it: (content type, bytes)."""
    boundary = "----NewsroomBoundary" + uuid.uuid4().hex
    out = b""
    for name, value in fields:
        out += (b"--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" %
                (boundary.encode(), name.encode(), value.encode()))
    for name, filename, content_type, data in files:
        out += (b"--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                b"Content-Type: %s\r\n\r\n" % (boundary.encode(), name.encode(),
                                               filename.encode(), content_type.encode()))
        out += data + b"\r\n"
    out += b"--%s--\r\n" % boundary.encode()
    return "multipart/form-data; boundary=" + boundary, out


class DeskTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="newsroom-desk-test-")
        cls.server = NewsroomServer(BINARY, cls.tmp.name).start()
        cls.server.add_user("elif", "editör-parola-42", "editor")
        cls.server.add_user("deniz", "moderatör-parola-42", "moderator")
        cls.cookie, cls.csrf = cls.server.login("elif", "editör-parola-42")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def page(self, path, cookie=None):
        status, headers, body = self.server.request(
            "GET", path, headers={"Cookie": cookie or self.cookie})
        return status, headers, body.decode("utf-8", "replace")

    def save(self, path, fields, files=(), csrf=None, cookie=None):
        fields = [("csrf_token", self.csrf if csrf is None else csrf)] + list(fields)
        content_type, body = multipart(fields, files)
        port = self.server.port
        return self.server.request("POST", path, body=body, headers={
            "Cookie": cookie or self.cookie, "Content-Type": content_type,
            "Origin": "http://127.0.0.1:%d" % port})

    def article_fields(self, headline, **extra):
        fields = [("headline", headline),
                  ("lead", "Belediye meclisi yeni yılın bütçesini görüştü."),
                  ("body", "Birinci paragraf; [meclis tutanağı](https://example.org/tutanak).\r\n"
                           "\r\nİkinci paragraf."),
                  ("source", "Newsroom muhabirleri"),
                  ("photo_caption", "Meclis salonu"), ("photo_credit", "Elif Şahin")]
        fields += list(extra.items())
        return fields

    def create(self, headline, action="save", files=(), **extra):
        status, headers, body = self.save(
            "/desk/new", self.article_fields(headline, **extra) + [("action", action)], files)
        self.assertEqual(status, 303, body[:300])
        m = re.match(r"/desk/articles/(\d+)\?notice=", headers["location"])
        self.assertIsNotNone(m, headers["location"])
        return int(m.group(1))

    def test_only_editors_get_the_desk(self):
        status, headers, _ = self.server.request("GET", "/desk")
        self.assertEqual(status, 303)
        self.assertEqual(headers["location"], "/login?next=/desk")
        mcookie, _ = self.server.login("deniz", "moderatör-parola-42")
        status, _, body = self.page("/desk", cookie=mcookie)
        self.assertEqual(status, 403)
        self.assertIn("editörler", body)
        status, _, body = self.page("/desk")
        self.assertEqual(status, 200)
        self.assertIn('<meta name="robots" content="noindex">', body)

    def test_a_draft_is_the_desks_until_published(self):
        article_id = self.create("Meclis bütçeyi görüştü")
        status, _, editor = self.page("/desk/articles/%d" % article_id)
        self.assertEqual(status, 200)
        self.assertIn('data-state="draft"', editor)
        slug = re.search(r'name="slug"[^>]*value="([^"]*)"', editor).group(1)
        self.assertEqual(slug, "meclis-butceyi-gorustu")  # Turkish letters folded
        # Readers see nothing of a draft: not the page, the API, the feed
        # or the sitemap; comments cannot be posted to it.
        status, _, _ = self.server.request("GET", "/news/" + slug)
        self.assertEqual(status, 404)
        status, _, _ = self.server.json("GET", "/api/v1/articles/" + slug)
        self.assertEqual(status, 404)
        status, _, _ = self.server.json("POST", "/api/v1/articles/%s/comments" % slug,
                                        {"author": "Okur", "text": "Güzel bir haber."})
        self.assertEqual(status, 404)
        for feed in ["/rss.xml", "/sitemap.xml"]:
            _, _, body = self.server.request("GET", feed)
            self.assertNotIn(slug.encode(), body, feed)
        # The desk lists it as a draft.
        _, _, desk = self.page("/desk")
        self.assertRegex(desk, r'data-article-id="%d" data-state="draft"' % article_id)

        # Published: the page, the feed, both sitemaps.
        status, headers, _ = self.save("/desk/articles/%d" % article_id,
                                       self.article_fields("Meclis bütçeyi görüştü") +
                                       [("action", "publish")])
        self.assertEqual(status, 303)
        self.assertIn("notice=published", headers["location"])
        status, _, body = self.server.request("GET", "/news/" + slug)
        self.assertEqual(status, 200)
        page = body.decode()
        self.assertIn('<a href="https://example.org/tutanak">meclis tutanağı</a>', page)
        for feed in ["/rss.xml", "/sitemap.xml", "/news-sitemap.xml"]:
            _, _, body = self.server.request("GET", feed)
            self.assertIn(slug.encode(), body, feed)

    def test_update_moves_the_last_update_and_never_the_first_publication(self):
        png = tiny_png(1200, 800)
        article_id = self.create("Vapur seferleri uzatıldı", action="publish",
                                 files=[("photo", "vapur.png", "image/png", png)])
        _, _, editor = self.page("/desk/articles/%d" % article_id)
        published = re.search(r'class="published" datetime="([^"]+)"', editor).group(1)
        updated = re.search(r'class="updated" datetime="([^"]+)"', editor).group(1)
        self.assertIn("/media/photos/", editor)  # the photo is there
        time.sleep(1.1)  # times are shown to the second
        status, _, _ = self.save("/desk/articles/%d" % article_id,
                                 self.article_fields("Vapur seferleri gece yarısına uzatıldı") +
                                 [("action", "save")])
        self.assertEqual(status, 303)
        _, _, editor = self.page("/desk/articles/%d" % article_id)
        self.assertEqual(re.search(r'class="published" datetime="([^"]+)"', editor).group(1),
                         published)
        self.assertGreater(re.search(r'class="updated" datetime="([^"]+)"', editor).group(1),
                           updated)
        slug = re.search(r'name="slug"[^>]*value="([^"]*)"', editor).group(1)
        _, _, body = self.server.request("GET", "/news/" + slug)
        self.assertIn("gece yarısına uzatıldı", body.decode())
        # The log says who did what.
        log = re.findall(r"<strong>elif</strong> (\w[^<]*)</li>", editor)
        self.assertEqual(log[:3], ["güncelledi", "yayımladı", "oluşturdu"])

        # Withdrawn: gone from the site, the first publication time kept.
        time.sleep(1.1)
        status, _, _ = self.save("/desk/articles/%d" % article_id,
                                 self.article_fields("Vapur seferleri gece yarısına uzatıldı") +
                                 [("action", "unpublish")])
        self.assertEqual(status, 303)
        status, _, _ = self.server.request("GET", "/news/" + slug)
        self.assertEqual(status, 404)
        status, _, _ = self.save("/desk/articles/%d" % article_id,
                                 self.article_fields("Vapur seferleri gece yarısına uzatıldı") +
                                 [("action", "publish")])
        _, _, editor = self.page("/desk/articles/%d" % article_id)
        self.assertEqual(re.search(r'class="published" datetime="([^"]+)"', editor).group(1),
                         published)

    def test_closed_comments_refuse_new_ones(self):
        article_id = self.create("Kapalı yorumlu haber", action="publish")
        _, _, editor = self.page("/desk/articles/%d" % article_id)
        slug = re.search(r'name="slug"[^>]*value="([^"]*)"', editor).group(1)
        updated = re.search(r'class="updated" datetime="([^"]+)"', editor).group(1)
        status, _, _ = self.save("/desk/articles/%d" % article_id,
                                 self.article_fields("Kapalı yorumlu haber") +
                                 [("action", "close_comments")])
        self.assertEqual(status, 303)
        status, _, body = self.server.json("POST", "/api/v1/articles/%s/comments" % slug,
                                           {"author": "Okur", "text": "Güzel bir haber."})
        self.assertEqual(status, 403, body)
        self.assertIn("closed", body["error"]["message"])
        _, _, page = self.server.request("GET", "/news/" + slug)
        self.assertIn("yorumlara kapatıldı", page.decode())
        self.assertNotIn('name="text"', page.decode())
        _, _, editor = self.page("/desk/articles/%d" % article_id)
        # Closing comments is not an update of the article.
        self.assertEqual(re.search(r'class="updated" datetime="([^"]+)"', editor).group(1),
                         updated)
        self.assertIn("yorumları kapattı", editor)

    def test_refused_saves_keep_what_was_typed_and_say_why(self):
        self.create("Aynı adresli haber", slug="ayni-adres")
        status, _, body = self.save("/desk/new", self.article_fields(
            "Başka bir haber", slug="ayni-adres") + [("action", "save")])
        self.assertEqual(status, 422)
        page = body.decode()
        self.assertIn('role="alert"', page)
        self.assertIn("Başka bir haber", page)  # kept in the form
        status, _, body = self.save("/desk/new", self.article_fields(
            "Fotoğrafı bozuk haber") + [("action", "save")],
            files=[("photo", "bozuk.jpg", "image/jpeg", b"\xff\xd8\xff not a jpeg")])
        self.assertEqual(status, 422)
        self.assertIn("Fotoğraf okunamadı", body.decode())
        status, _, body = self.save("/desk/new", [("headline", ""), ("body", "x"),
                                                  ("action", "save")])
        self.assertEqual(status, 422)

    def test_forms_need_the_csrf_token_and_a_well_formed_body(self):
        status, _, _ = self.save("/desk/new", self.article_fields("CSRF") +
                                 [("action", "save")], csrf="yanlış")
        self.assertEqual(status, 403)
        status, _, body = self.server.request(
            "POST", "/desk/new", body=b"--x\r\nbroken",
            headers={"Cookie": self.cookie, "Content-Type": "multipart/form-data; boundary=x",
                     "Origin": "http://127.0.0.1:%d" % self.server.port})
        self.assertEqual(status, 400)
        self.assertIn(b"multipart", body)
        content_type, data = multipart([("csrf_token", self.csrf)] +
                                       self.article_fields("Başka siteden"))
        status, _, _ = self.server.request("POST", "/desk/new", body=data, headers={
            "Cookie": self.cookie, "Content-Type": content_type,
            "Origin": "https://evil.example"})
        self.assertEqual(status, 403)

    def test_preview_shows_the_page_without_saving(self):
        status, _, body = self.save("/desk/preview", self.article_fields(
            "Önizlenen ama kaydedilmeyen haber") + [("action", "preview")])
        self.assertEqual(status, 200)
        page = body.decode()
        self.assertIn("Önizleme", page)
        self.assertIn('<meta name="robots" content="noindex">', page)
        self.assertIn("Önizlenen ama kaydedilmeyen haber", page)
        self.assertNotIn('name="text"', page)  # no comment form
        _, _, desk = self.page("/desk")
        self.assertNotIn("Önizlenen ama kaydedilmeyen", desk)

    def test_login_leads_back_where_it_was_asked(self):
        port = self.server.port
        for target, expected in [("/desk/new", "/desk/new"), ("//evil.example", "/desk"),
                                 ("", "/desk")]:
            status, headers, _ = self.server.request(
                "POST", "/login",
                body="username=elif&password=edit%C3%B6r-parola-42&next=" + target,
                headers={"Content-Type": "application/x-www-form-urlencoded",
                         "Origin": "http://127.0.0.1:%d" % port})
            self.assertEqual(status, 303)
            self.assertEqual(headers["location"], expected, target)


if __name__ == "__main__":
    newsroom_server.main(globals())
