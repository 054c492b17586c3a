"""`newsroom db copy` on a real site: the demo site with 10,000 comments
posted through the API (threads, held and refused comments, moderators'
decisions, reports, an API key), copied from SQLite to PostgreSQL. Every
table's count and checksum are equal, and the site served from the copy
answers the same pages as the site served from the original.

Run: python3 tests/integration/db_copy_test.py --binary build/newsroom
(ctest runs it as integration_db_copy).
"""

import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import newsroom_server  # noqa: E402
from newsroom_server import NewsroomServer  # noqa: E402
from postgres_cluster import PostgresCluster  # noqa: E402

BINARY = None
COMMENTS = 10000
POSTERS = 8
BORDERLINE = "Bu habr çok güzl olmuş, yazann eline sağlık (%d)."
ALL_CAPS = "BU HABER ÇOK GÜZEL OLMUŞ %d"


def post_many(port, slug, count, posters):
    """Posts `count` comments from `posters` connections; every tenth is a
    reply to an earlier one. Returns the answers' statuses."""
    path = "/api/v1/articles/%s/comments" % slug
    statuses = {}
    lock = threading.Lock()
    ids = []

    def poster(n):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for i in range(n, count, posters):
            body = {"author": "Okur %d" % (i % 97),
                    "text": "Köprü %d. kez açıldı, emeği geçenlere teşekkürler." % i}
            if i % 10 == 9:
                with lock:
                    if ids:
                        body["parent_id"] = ids[i % len(ids)]
            if i % 50 == 7:
                body["text"] = BORDERLINE % i
            if i % 50 == 8:
                body["text"] = ALL_CAPS % i
            conn.request("POST", path, body=json.dumps(body),
                         headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            data = response.read()
            with lock:
                statuses[response.status] = statuses.get(response.status, 0) + 1
                if response.status == 201:
                    answer = json.loads(data)
                    if answer["status"] == "approved":
                        ids.append(answer["comment"]["id"])
        conn.close()

    threads = [threading.Thread(target=poster, args=(n,)) for n in range(posters)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses


class DbCopyTest(unittest.TestCase):
    def test_a_site_moved_to_postgresql_serves_the_same_pages(self):
        with tempfile.TemporaryDirectory(prefix="newsroom-copy-") as tmp, \
                PostgresCluster() as pg:
            sqlite_dir = os.path.join(tmp, "sqlite")
            os.makedirs(sqlite_dir)
            old = NewsroomServer(BINARY, sqlite_dir).start()
            try:
                _, _, body = old.json("GET", "/api/v1/articles")
                slug = body["articles"][0]["slug"]
                statuses = post_many(old.port, slug, COMMENTS, POSTERS)
                self.assertEqual(sum(statuses.values()), COMMENTS)
                self.assertEqual(set(statuses), {201, 422}, statuses)
                # Moderators at work: approvals, a refusal, reports.
                old.add_user("moderatör1", "güçlü-parola-42", "moderator")
                cookie, csrf = old.login("moderatör1", "güçlü-parola-42")
                headers = {"Cookie": cookie, "X-CSRF-Token": csrf}
                _, _, queue = old.json("GET", "/api/v1/moderation/queue?status=pending&limit=50",
                                       headers={"Cookie": cookie})
                pending = [c["id"] for c in queue["comments"]]
                self.assertGreater(len(pending), 20)
                for n, comment_id in enumerate(pending[:20]):
                    action = "approve" if n % 4 else "reject"
                    status, _, _ = old.json(
                        "POST", "/api/v1/comments/%d/%s" % (comment_id, action),
                        {"expected_status": "pending"}, headers=headers)
                    self.assertEqual(status, 200)
                status, _, _ = old.json("POST", "/api/v1/comments/%d/report" % pending[1])
                self.assertEqual(status, 200)  # approved above: it may be reported
                key = subprocess.run(
                    [BINARY, "apikey", "add", "--db", old.db_url, "coral"],
                    capture_output=True, check=True).stdout.decode().strip()
                self.assertTrue(key)
                before = self.pages(old, slug)
            finally:
                old.stop()

            url = pg.create_database("newsroom")
            copy = subprocess.run(
                [BINARY, "db", "copy", "--from", old.db_url, "--to", url],
                capture_output=True, timeout=600)
            report = copy.stdout.decode()
            sys.stderr.write(report)
            self.assertEqual(copy.returncode, 0, copy.stderr.decode())
            rows = {line.split()[0]: line.split() for line in report.splitlines()[1:]}
            # Every comment posted (refused ones are kept for audit), and the
            # demo article's own.
            self.assertGreater(int(rows["comments"][1]), COMMENTS)
            self.assertEqual(int(rows["reports"][1]), 1)
            for table, fields in rows.items():
                self.assertEqual(fields[1], fields[2], table)  # counts
                self.assertEqual(fields[3], fields[4], table)  # checksums
                self.assertEqual(fields[5], "equal", table)

            # Into a database that is not empty: refused, and said why.
            again = subprocess.run(
                [BINARY, "db", "copy", "--from", old.db_url, "--to", url],
                capture_output=True, timeout=600)
            self.assertEqual(again.returncode, 1)
            self.assertIn("--replace", again.stderr.decode())

            new_dir = os.path.join(tmp, "postgres")
            os.makedirs(new_dir)
            new = NewsroomServer(BINARY, new_dir, db_url=url).start()
            try:
                after = self.pages(new, slug)
                for name in before:
                    self.assertEqual(after[name], before[name], name)
                # The key and the moderator's account came along.
                status, _, _ = new.json(
                    "POST", "/v1alpha1/comments:analyze?key=" + key,
                    {"comment": {"text": "Güzel haber"},
                     "requestedAttributes": {"TOXICITY": {}}})
                self.assertEqual(status, 200)
                new.login("moderatör1", "güçlü-parola-42")
            finally:
                new.stop()

    def pages(self, server, slug):
        """What readers see, with the server's own address taken out."""
        out = {}
        for name, path in (("article", "/news/" + slug),
                           ("oldest first", "/news/%s?order=oldest" % slug),
                           ("front", "/"), ("rss", "/rss.xml"),
                           ("comments api", "/api/v1/articles/%s/comments" % slug)):
            status, _, body = server.request("GET", path, headers={"Host": "haber.example"})
            self.assertEqual(status, 200, path)
            out[name] = re.sub(r"127\.0\.0\.1:\d+", "HOST", body.decode())
        return out


if __name__ == "__main__":
    newsroom_server.main(globals())
