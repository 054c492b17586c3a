"""`newsroom import` as a newsroom runs it: the real binary on exports
written here in Disqus's and WordPress's shapes, then the real server on the
same database showing the imported threads.

The same import also runs into PostgreSQL when the tests have a server:
ctest's `postgres` fixture writes its URL to postgres.url in TEST_TMPDIR
(or set NEWSROOM_TEST_POSTGRES to the URL of a role that may create
databases); without one, that case is skipped.

Run: python3 tests/integration/import_test.py --binary build/newsroom
(ctest runs it as integration_import).
"""

import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import newsroom_server  # noqa: E402
from newsroom_server import NewsroomServer  # noqa: E402
from postgres_cluster import _bindir as postgres_bindir  # noqa: E402

BINARY = None

DISQUS = """<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
  <category dsq:id="1"><forum>haberexample</forum><title>General</title></category>
  <thread dsq:id="77">
    <id>haber-77</id>
    <link>https://haber.example.com/2019/05/bogazda-yeni-vapur-hatti/</link>
    <title>Boğaz'da yeni vapur hattı</title>
    <createdAt>2019-05-14T09:30:00Z</createdAt>
  </thread>
  <post dsq:id="1001">
    <message><![CDATA[<p>Vapur seferleri çok iyi oldu, <b>teşekkürler</b>.</p>]]></message>
    <createdAt>2019-05-14T10:00:00Z</createdAt>
    <isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><name>Ayşe Yılmaz</name><username>ayse</username></author>
    <thread dsq:id="77"/>
  </post>
  <post dsq:id="1002">
    <message><![CDATA[<p>Katılıyorum, sabahları çok rahat.</p>]]></message>
    <createdAt>2019-05-14T10:05:00Z</createdAt>
    <isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><name>Mehmet Kaya</name></author>
    <thread dsq:id="77"/>
    <parent dsq:id="1001"/>
  </post>
  <post dsq:id="1003">
    <message><![CDATA[<p>BU HABER TAMAMEN YALAN, KİMSE İNANMASIN!</p>]]></message>
    <createdAt>2019-05-14T10:10:00Z</createdAt>
    <isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><name>Bağıran Okur</name></author>
    <thread dsq:id="77"/>
  </post>
  <post dsq:id="1004">
    <message><![CDATA[<p>Ucuz ilaç burada</p>]]></message>
    <createdAt>2019-05-14T10:15:00Z</createdAt>
    <isDeleted>false</isDeleted><isSpam>true</isSpam>
    <author><name>spam</name></author>
    <thread dsq:id="77"/>
  </post>
</disqus>
"""

WXR = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <link>https://blog.example.com</link>
  <wp:base_blog_url>https://blog.example.com</wp:base_blog_url>
  <item>
    <title>Galata Bridge reopens</title>
    <link>https://blog.example.com/?p=12</link>
    <wp:post_name><![CDATA[galata-bridge-reopens]]></wp:post_name>
    <wp:post_date_gmt><![CDATA[2020-03-01 07:00:00]]></wp:post_date_gmt>
    <wp:comment>
      <wp:comment_id>7</wp:comment_id>
      <wp:comment_author><![CDATA[Zoë Martin]]></wp:comment_author>
      <wp:comment_date_gmt><![CDATA[2020-03-01 08:00:00]]></wp:comment_date_gmt>
      <wp:comment_content><![CDATA[Great to see the bridge open again.

On time, too.]]></wp:comment_content>
      <wp:comment_approved><![CDATA[1]]></wp:comment_approved>
      <wp:comment_type><![CDATA[comment]]></wp:comment_type>
      <wp:comment_parent>0</wp:comment_parent>
    </wp:comment>
    <wp:comment>
      <wp:comment_id>8</wp:comment_id>
      <wp:comment_author><![CDATA[James]]></wp:comment_author>
      <wp:comment_date_gmt><![CDATA[2020-03-01 09:00:00]]></wp:comment_date_gmt>
      <wp:comment_content><![CDATA[Waiting for a moderator.]]></wp:comment_content>
      <wp:comment_approved><![CDATA[0]]></wp:comment_approved>
      <wp:comment_type><![CDATA[comment]]></wp:comment_type>
      <wp:comment_parent>7</wp:comment_parent>
    </wp:comment>
  </item>
</channel>
</rss>
"""


def postgres_server_url():
    """The tests' PostgreSQL server (its maintenance database), or None."""
    url = os.environ.get("NEWSROOM_TEST_POSTGRES")
    if url:
        return url
    try:
        with open(os.path.join(os.environ.get("TEST_TMPDIR", ""), "postgres.url")) as f:
            return f.readline().strip() or None
    except OSError:
        return None


def psql(url, sql):
    subprocess.run([os.path.join(postgres_bindir(), "psql"), "-X", "-q",
                    "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                   check=True, capture_output=True, timeout=60)


class ImportTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="newsroom-import-")
        self.dir = self.tmp.name
        self.db = os.path.join(self.dir, "newsroom.db")
        self.db_url = "sqlite:" + self.db

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def run_import(self, *args):
        result = subprocess.run(
            [BINARY, "import"] + list(args[:-1]) + ["--db", self.db_url, args[-1]],
            capture_output=True, timeout=300)
        return result.returncode, result.stdout.decode(), result.stderr.decode()

    def test_imported_threads_show_on_the_site(self):
        self.import_and_serve()

    def test_imported_threads_show_on_the_site_on_postgresql(self):
        server = postgres_server_url()
        if server is None:
            self.skipTest("no PostgreSQL server for tests (run through ctest, "
                          "or set NEWSROOM_TEST_POSTGRES)")
        name = "newsroom_import_%d" % os.getpid()
        psql(server, "DROP DATABASE IF EXISTS %s" % name)
        psql(server, "CREATE DATABASE %s TEMPLATE template0" % name)
        try:
            # The server's URL names its maintenance database: the same
            # server, the new database.
            prefix, _, query = server.partition("?")
            self.db_url = prefix.rsplit("/", 1)[0] + "/" + name + (
                "?" + query if query else "")
            self.import_and_serve()
            code, out, err = self.run_import("disqus", self.write("again.xml", DISQUS))
            self.assertEqual(code, 0, err)
            self.assertIn("Stored: 0 comments", out)
            self.assertIn("3 were already imported", out)
        finally:
            psql(server, "DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)

    def import_and_serve(self):
        code, out, err = self.run_import("disqus", self.write("disqus.xml", DISQUS))
        self.assertEqual(code, 0, err)
        self.assertIn("4 comments", out)
        self.assertIn("1 spam", out)
        self.assertIn("Stored: 3 comments (3 published", out)
        self.assertIn("1 published comments break the policy", out)
        code, out, err = self.run_import("wordpress", self.write("wxr.xml", WXR))
        self.assertEqual(code, 0, err)
        self.assertIn("1 published, 1 waiting for a moderator", out)

        with NewsroomServer(BINARY, self.dir, db_url=self.db_url) as server:
            status, _, body = server.json(
                "GET", "/api/v1/articles/bogazda-yeni-vapur-hatti/comments")
            self.assertEqual(status, 200, body)
            by_author = {c["author"]: c for c in body["comments"]}
            self.assertEqual(set(by_author), {"Ayşe Yılmaz", "Mehmet Kaya", "Bağıran Okur"})
            self.assertEqual(by_author["Ayşe Yılmaz"]["text"],
                             "Vapur seferleri çok iyi oldu, teşekkürler.")
            self.assertEqual(by_author["Ayşe Yılmaz"]["created_at"], "2019-05-14T10:00:00Z")
            self.assertEqual(by_author["Mehmet Kaya"]["parent_id"], by_author["Ayşe Yılmaz"]["id"])

            status, _, page = server.request("GET", "/news/bogazda-yeni-vapur-hatti")
            self.assertEqual(status, 200)
            page = page.decode()
            self.assertIn("Boğaz&#39;da yeni vapur hattı", page)
            self.assertIn("Katılıyorum, sabahları çok rahat.", page)

            status, _, body = server.json(
                "GET", "/api/v1/articles/galata-bridge-reopens/comments")
            self.assertEqual(status, 200, body)
            self.assertEqual([c["text"] for c in body["comments"]],
                             ["Great to see the bridge open again.\n\nOn time, too."])

    def test_a_second_run_adds_nothing(self):
        path = self.write("disqus.xml", DISQUS)
        self.assertEqual(self.run_import("disqus", path)[0], 0)
        code, out, err = self.run_import("disqus", path)
        self.assertEqual(code, 0, err)
        self.assertIn("Stored: 0 comments", out)
        self.assertIn("3 were already imported", out)

    def test_broken_export_is_reported_with_its_line_and_nothing_is_written(self):
        broken = DISQUS.replace("sabahları çok rahat.</p>]]></message>",
                                "sabahları çok rahat.</p>]]></mesage>")
        line = broken[:broken.index("</mesage>")].count("\n") + 1
        path = self.write("broken.xml", broken)
        code, out, err = self.run_import("disqus", path)
        self.assertEqual(code, 1)
        self.assertIn("%s:%d: " % (path, line), err)
        check = subprocess.run(
            [BINARY, "import", "disqus", "--check", "--db", "sqlite:" + self.db,
             self.write("ok.xml", DISQUS)], capture_output=True, timeout=300)
        self.assertEqual(check.returncode, 0, check.stderr)
        self.assertIn("To import: 3 comments", check.stdout.decode())
        with NewsroomServer(BINARY, self.dir, db=self.db) as server:
            status, _, _ = server.json(
                "GET", "/api/v1/articles/bogazda-yeni-vapur-hatti/comments")
            self.assertEqual(status, 404)

    def test_problems_are_listed_like_a_compilers(self):
        bad = DISQUS.replace('<parent dsq:id="1001"/>', '<parent dsq:id="999"/>')
        path = self.write("bad.xml", bad)
        line = bad[:bad.index('<post dsq:id="1002">')].count("\n") + 1
        code, out, err = self.run_import("disqus", path)
        self.assertEqual(code, 1)
        self.assertIn('%s:%d: the comment replies to "999", which the export does not have'
                      % (path, line), err)
        self.assertIn("--skip-invalid", err)
        code, out, err = self.run_import("disqus", "--skip-invalid", path)
        self.assertEqual(code, 0, err)
        self.assertIn("Stored: 2 comments", out)


if __name__ == "__main__":
    newsroom_server.main(globals())
