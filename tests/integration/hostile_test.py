"""Hostile clients against the real `newsroom serve`: each test is an attack
that once worked (issue 12's review) and must not any more.

Run: python3 tests/integration/hostile_test.py --binary build/newsroom
(ctest runs it as integration_hostile).
"""

import http.client
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import newsroom_server  # noqa: E402
from newsroom_server import NewsroomServer, wait_until  # noqa: E402

BINARY = None
CLEAN = "Köprünün açılması ilçeye çok yakışmış, emeği geçenlere teşekkürler."


def write_config(workdir, text):
    path = os.path.join(workdir, "server.toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def demo_slug(server):
    status, _, body = server.json("GET", "/api/v1/articles")
    assert status == 200, status
    return body["articles"][0]["slug"]


class Connection:
    """A raw socket the test writes to at its own pace."""

    def __init__(self, port, timeout=10):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)

    def send(self, data):
        self.sock.sendall(data)

    def answer(self):
        """Everything until the server closes or stops for a second."""
        chunks = []
        self.sock.settimeout(5)
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks):
                    self.sock.settimeout(1)
        except (socket.timeout, ConnectionResetError):
            pass
        return b"".join(chunks)

    def closed_by_server(self, within):
        self.sock.settimeout(within)
        try:
            while True:
                data = self.sock.recv(65536)
                if not data:
                    return True
        except ConnectionResetError:
            return True
        except socket.timeout:
            return False

    def close(self):
        self.sock.close()


class SharedServer:
    """A server that the attacks which leave it as it was share: starting
    the engine is the slow part of a test. Started on first use, stopped at
    the end of the module."""

    def __init__(self, prefix, config, args=(), rate_limits=False):
        self.prefix = prefix
        self.config = config
        self.args = list(args)
        self.rate_limits = rate_limits
        self.server = None
        self.tmp = None

    def get(self):
        if self.server is None:
            self.tmp = tempfile.TemporaryDirectory(prefix=self.prefix)
            config = write_config(self.tmp.name, self.config)
            self.server = NewsroomServer(BINARY, self.tmp.name, ["--config", config] + self.args,
                                         rate_limits=self.rate_limits).start()
        return self.server

    def close(self):
        if self.server is not None:
            self.server.stop()
            self.tmp.cleanup()
            self.server = None


# The site as readers reach it: the header deadline short (2 s) so that
# waiting for it is quick, eight connections per client, two I/O threads
# as on a small machine. Per-client rate limits off (many posts).
SITE = SharedServer("newsroom-hostile-site-",
                    "[server]\nheader_timeout_seconds = 2\nmax_connections_per_client = 8\n",
                    ["--threads", "2"])
# Behind a proxy that names each client (X-Forwarded-For), with the
# per-client limits on and low, so that reaching them takes few requests:
# two failed logins per (account, address), eight per account or address.
CLIENTS = SharedServer("newsroom-hostile-clients-",
                       "[server]\ntrust_proxy = true\n"
                       "[comments]\nrate_per_minute = 6\nmoderate_per_minute = 60\n"
                       "moderate_burst = 10\nreports_per_hour = 10\n"
                       "[sessions]\nlogin_max_failures = 2\n",
                       rate_limits=True)


def tearDownModule():
    SITE.close()
    CLIENTS.close()


class SiteTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = SITE.get()
        cls.slug = demo_slug(cls.server)


class HttpTest(SiteTestCase):
    """What one request can cost: memory, a stuck connection."""

    def assertRefused(self, headers, start, pieces):
        """A chunked POST whose body is `start` and then `pieces`: the
        server stops reading it (closes) or answers 400."""
        c = Connection(self.server.port)
        c.send(b"POST /api/v1/moderate HTTP/1.1\r\nHost: x\r\n" + headers +
               b"Transfer-Encoding: chunked\r\n\r\n" + start)
        refused = False
        try:
            for piece in pieces:
                c.send(piece)
        except (BrokenPipeError, ConnectionResetError):
            refused = True
        answer = c.answer()
        c.close()
        self.assertTrue(refused or answer.startswith(b"HTTP/1.1 400"), answer[:200])

    # 512 MB of ";eeee…" in one chunk header raised the server to 1.2 GB.
    def test_a_chunk_extension_is_bounded(self):
        # 4 MiB of extension at most.
        self.assertRefused(b"Content-Type: application/json\r\n", b"5;",
                           [b"e" * 65536] * 64)
        status, _, _ = self.server.request("GET", "/healthz")
        self.assertEqual(status, 200)

    def test_many_small_chunk_extensions_are_bounded_too(self):
        self.assertRefused(b"", b"", [b"1;" + b"e" * 1000 + b"\r\na\r\n"] * 2000)

    def test_trailers_are_bounded_by_the_header_limit(self):
        trailer = b"".join(b"X-T%d: %s\r\n" % (i, b"v" * 1000) for i in range(64))
        answer = self.server.raw(
            b"POST /api/v1/moderate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n" + trailer + b"\r\n")
        self.assertRegex(answer[:12], rb"HTTP/1.1 4(00|31)")

    # RFC 9112 §6.3: a request whose Transfer-Encoding does not end in
    # chunked cannot be framed: 400, and the connection closed.
    def test_a_transfer_encoding_not_ending_in_chunked_is_400_and_closes(self):
        for coding in (b"gzip", b"chunked, gzip", b"identity"):
            c = Connection(self.server.port)
            c.send(b"POST /api/v1/moderate HTTP/1.1\r\nHost: x\r\n"
                   b"Transfer-Encoding: " + coding + b"\r\n\r\n{\"text\": \"a\"}")
            answer = c.answer()
            self.assertTrue(answer.startswith(b"HTTP/1.1 400"), (coding, answer[:200]))
            self.assertIn(b"Connection: close", answer)
            self.assertTrue(c.closed_by_server(within=5), coding)
            c.close()

    # 60 s to send headers let 1,100 slow connections take the site down.
    def test_slow_headers_are_cut_off(self):
        c = Connection(self.server.port, timeout=20)
        c.send(b"GET / HTTP/1.1\r\n")
        start = time.time()
        closed = False
        for _ in range(20):
            try:
                c.send(b"X-Slow: 1\r\n")
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            if c.closed_by_server(within=0.5):
                closed = True
                break
        self.assertTrue(closed, "still open after %.1f s" % (time.time() - start))
        self.assertLess(time.time() - start, 6)
        c.close()

    def test_one_client_holds_a_bounded_number_of_connections(self):
        held = []
        try:
            for _ in range(8):
                held.append(Connection(self.server.port))
            time.sleep(0.3)  # the server has accepted them all
            extra = Connection(self.server.port)
            extra.send(b"GET /news/x HTTP/1.1\r\nHost: x\r\n\r\n")
            answer = extra.answer()
            extra.close()
            self.assertTrue(answer.startswith(b"HTTP/1.1 503"), answer[:200])
            self.assertIn(b"Retry-After", answer)
        finally:
            for c in held:
                c.close()
        # Closed ones make room again.
        self.assertTrue(wait_until(
            lambda: self.server.request("GET", "/healthz")[0] == 200, timeout=5))

    def test_unknown_methods_are_one_metrics_series(self):
        for i in range(50):
            answer = self.server.raw(b"M%d / HTTP/1.1\r\nHost: x\r\n\r\n" % i)
            self.assertTrue(answer.startswith(b"HTTP/1.1 "), answer[:100])
        _, _, body = self.server.request("GET", "/metrics")
        text = body.decode()
        self.assertNotIn('method="M7"', text)
        self.assertIn('method="other"', text)

    def test_cache_keys_are_normalised_and_the_cache_is_bounded(self):
        slug = demo_slug(self.server)
        etags = set()
        for i in range(300):
            status, headers, _ = self.server.request("GET", "/news/%s?order=x%d" % (slug, i))
            self.assertEqual(status, 200)
            etags.add(headers["etag"])
        self.assertEqual(len(etags), 1, "every unknown order is the default page")
        _, _, body = self.server.request("GET", "/metrics")
        entries = [line for line in body.decode().splitlines()
                   if line.startswith("newsroom_page_cache_entries ")]
        self.assertEqual(len(entries), 1)
        self.assertLessEqual(float(entries[0].split()[1]), 4)

    def test_host_is_not_reflected_unless_it_is_a_host(self):
        slug = demo_slug(self.server)
        status, _, body = self.server.request(
            "GET", "/news/" + slug, headers={"Host": 'evil.example"><script>x</script>'})
        self.assertEqual(status, 200)
        self.assertNotIn(b"evil.example", body)
        status, _, body = self.server.request("GET", "/rss.xml",
                                              headers={"Host": "evil.example/phish?"})
        self.assertNotIn(b"evil.example", body)


class EngineTest(SiteTestCase):
    """What one text can cost the engine, and who waits for it."""

    # A 5,000-letter word took 2.3 s in the spelling rule, on an I/O thread;
    # four such loops froze /healthz for seconds.
    def test_pathological_texts_do_not_stall_the_site(self):
        word = ("abcçdefgğhıijklmnoöprsştuüvyz" * 200)[:4990]
        texts = [word, " ".join(["qwxzgh" + str(i) for i in range(600)])[:4990]]
        stop = threading.Event()
        answered = []

        def hammer(text):
            while not stop.is_set():
                status, _, _ = self.server.json("POST", "/api/v1/moderate", {"text": text})
                answered.append(status)

        threads = [threading.Thread(target=hammer, args=(texts[i % 2],)) for i in range(4)]
        for t in threads:
            t.start()
        try:
            time.sleep(1)
            slowest = 0
            for _ in range(20):
                start = time.time()
                status, _, _ = self.server.request("GET", "/healthz")
                slowest = max(slowest, time.time() - start)
                self.assertEqual(status, 200)
                time.sleep(0.05)
        finally:
            stop.set()
            for t in threads:
                t.join()
        self.assertLess(slowest, 0.5, "healthz waited %.2f s" % slowest)
        self.assertTrue(answered)
        self.assertTrue(all(s in (200, 503) for s in answered), set(answered))


class LimitsTest(unittest.TestCase):
    """Per-client limits, with the limits on (other tests switch them off)."""

    @classmethod
    def setUpClass(cls):
        cls.server = CLIENTS.get()
        cls.slug = demo_slug(cls.server)
        if not getattr(CLIENTS, "moderator", False):
            cls.server.add_user("moderatör1", "güçlü-parola-42", "moderator")
            CLIENTS.moderator = True

    def test_draft_checks_are_rate_limited_per_client(self):
        me = {"X-Forwarded-For": "198.51.100.10"}
        codes = [self.server.json("POST", "/api/v1/moderate", {"text": CLEAN}, headers=me)[0]
                 for _ in range(12)]
        self.assertEqual(codes[:10], [200] * 10)
        self.assertEqual(codes[-1], 429)
        status, headers, _ = self.server.json("POST", "/api/v1/moderate", {"text": CLEAN},
                                              headers=me)
        self.assertEqual(status, 429)
        self.assertIn("retry-after", headers)
        other = {"X-Forwarded-For": "198.51.100.11"}
        self.assertEqual(self.server.json("POST", "/api/v1/moderate", {"text": CLEAN},
                                          headers=other)[0], 200)

    def post(self, text, client):
        return self.server.json("POST", "/api/v1/articles/%s/comments" % self.slug,
                                {"author": "Okur", "text": text},
                                headers={"X-Forwarded-For": client})

    def test_one_ipv6_subscriber_is_one_client(self):
        codes = [self.post("Güzel bir haber olmuş, %d kez teşekkürler." % i,
                           "2001:db8:5:6::%x" % (i + 1))[0] for i in range(5)]
        self.assertEqual(codes[:3], [201] * 3, "a burst of three")
        self.assertEqual(codes[3:], [429, 429], "the same /64 is the same client")
        self.assertEqual(self.post("Bir başka okurun yorumu, teşekkürler.",
                                   "2001:db8:5:7::1")[0], 201)

    def report(self, comment_id, client, origin=None):
        headers = {"X-Forwarded-For": client}
        if origin:
            headers["Origin"] = origin
        return self.server.json("POST", "/api/v1/comments/%d/report" % comment_id,
                                headers=headers)

    def test_reports_after_an_approval_start_again_from_zero(self):
        status, _, posted = self.post("Belediye bu işi çok iyi yapmış, tebrikler.",
                                      "198.51.100.20")
        self.assertEqual(status, 201, posted)
        cid = posted["comment"]["id"]
        for i in range(3):
            status, _, body = self.report(cid, "198.51.100.%d" % (30 + i))
            self.assertEqual(status, 200, body)
        self.assertEqual(body["status"], "reported")
        cookie, csrf = self.server.login("moderatör1", "güçlü-parola-42")
        status, _, body = self.server.json(
            "POST", "/api/v1/comments/%d/approve" % cid, {"expected_status": "reported"},
            headers={"Cookie": cookie, "X-CSRF-Token": csrf})
        self.assertEqual(status, 200, body)
        # One new report once hid it again (count 4 >= 3).
        status, _, body = self.report(cid, "198.51.100.40")
        self.assertEqual(status, 200, body)
        self.assertEqual((body["status"], body["report_count"]), ("approved", 1))

    # Two reports from one /64 count once; the third from it is over the
    # per-client limit (a burst of 10/5 = 2), as it is the same client.
    def test_ipv6_reporters_count_once_per_slash_64(self):
        status, _, posted = self.post("Haberi paylaştığınız için teşekkürler.", "198.51.100.50")
        self.assertEqual(status, 201, posted)
        cid = posted["comment"]["id"]
        answers = [self.report(cid, "2001:db8:9:9::%x" % (i + 1)) for i in range(3)]
        self.assertEqual([a[0] for a in answers], [200, 200, 429])
        self.assertEqual([a[2]["report_count"] for a in answers[:2]], [1, 1])
        # Another /64 is another reader.
        status, _, body = self.report(cid, "2001:db8:9:a::1")
        self.assertEqual((status, body["report_count"]), (200, 2))

    def test_reports_are_limited_per_client(self):
        status, _, posted = self.post("Güzel ve bilgilendirici bir haber olmuş.",
                                      "198.51.100.60")
        self.assertEqual(status, 201, posted)
        codes = [self.report(posted["comment"]["id"], "198.51.100.61")[0]
                 for _ in range(4)]
        self.assertEqual(codes, [200, 200, 429, 429])  # a burst of 10/5

    def test_reporting_is_not_open_to_other_sites(self):
        status, _, posted = self.post("Emeği geçenlere çok teşekkürler.", "198.51.100.70")
        self.assertEqual(status, 201, posted)
        cid = posted["comment"]["id"]
        status, headers, _ = self.server.request(
            "OPTIONS", "/api/v1/comments/%d/report" % cid,
            headers={"Origin": "https://baska.example", "Access-Control-Request-Method": "POST"})
        self.assertEqual(status, 405)
        self.assertIsNone(headers.get("access-control-allow-origin"))
        status, headers, _ = self.report(cid, "198.51.100.71", origin="https://baska.example")
        self.assertEqual(status, 403)
        self.assertIsNone(headers.get("access-control-allow-origin"))
        status, _, _ = self.report(cid, "198.51.100.72", origin="null")
        self.assertEqual(status, 403)


class AccountsTest(unittest.TestCase):
    """Logins, sessions and passwords."""

    @classmethod
    def setUpClass(cls):
        cls.server = CLIENTS.get()

    def cli(self, *args, password=None):
        return subprocess.run([BINARY, *args, "--db", "sqlite:" + self.server.db],
                              input=(password + "\n").encode() if password is not None else b"",
                              capture_output=True, timeout=60)

    def login(self, user, password, client):
        return self.server.json("POST", "/api/v1/session",
                                {"username": user, "password": password},
                                headers={"X-Forwarded-For": client})

    # Five wrong passwords from anywhere locked the account for everyone.
    # (This server: two per account and address, eight per account.)
    def test_wrong_guesses_never_lock_out_the_right_password_from_a_known_address(self):
        self.server.add_user("elif", "editörün-parolası-9", "editor")
        office = "198.51.100.4"
        self.assertEqual(self.login("elif", "editörün-parolası-9", office)[0], 200)
        # An attacker guesses from ten addresses, three times each: the
        # first eight wrong guesses are tried, then the account backs off.
        codes = [self.login("elif", "yanlış-%d" % i, "203.0.113.%d" % i)[0]
                 for i in range(10) for _ in range(3)]
        self.assertEqual(codes.count(401), 8, codes)
        self.assertEqual(set(codes), {401, 429})
        # The guesser's addresses are refused; the office is not.
        status, _, body = self.login("elif", "yanlış", "203.0.113.1")
        self.assertEqual(status, 429, body)
        status, _, body = self.login("elif", "editörün-parolası-9", office)
        self.assertEqual(status, 200, body)
        # While the attack goes on, a new address waits, with Retry-After.
        self.assertEqual(self.login("elif", "yanlış", "203.0.113.77")[0], 429)
        status, headers, _ = self.login("elif", "editörün-parolası-9", "192.0.2.200")
        self.assertEqual(status, 429)
        self.assertIn("retry-after", headers)
        # Other accounts are untouched.
        self.server.add_user("zeynep", "muhabirin-parolası-5", "editor")
        self.assertEqual(self.login("zeynep", "muhabirin-parolası-5", "192.0.2.200")[0], 200)

    # A password change kept old sessions valid for 12 hours.
    def test_passwd_disable_and_revoke_end_sessions(self):
        self.server.add_user("deniz", "moderatör-parola-7", "moderator")
        cookie, _ = self.server.login("deniz", "moderatör-parola-7")
        queue = lambda: self.server.json("GET", "/api/v1/moderation/queue",
                                         headers={"Cookie": cookie})[0]
        self.assertEqual(queue(), 200)
        result = self.cli("user", "passwd", "deniz", password="yepyeni-parola-8")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(queue(), 401)

        cookie, _ = self.server.login("deniz", "yepyeni-parola-8")
        self.assertEqual(queue(), 200)
        result = self.cli("session", "revoke", "--user", "deniz")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(b"ended 1 session", result.stderr)
        self.assertEqual(queue(), 401)

        cookie, _ = self.server.login("deniz", "yepyeni-parola-8")
        result = self.cli("user", "disable", "deniz")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(queue(), 401)
        status, _, body = self.server.json("POST", "/api/v1/session",
                                           {"username": "deniz", "password": "yepyeni-parola-8"})
        self.assertEqual(status, 403, body)
        result = self.cli("user", "enable", "deniz")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.server.login("deniz", "yepyeni-parola-8")

    def test_weak_passwords_are_refused(self):
        for password, why in [("        ", b"white space"), ("kemal.can", b"user name"),
                              ("password123", b"guessing"), ("kısa", b"8 characters")]:
            result = self.cli("user", "add", "--role", "moderator", "kemal.can", password=password)
            self.assertNotEqual(result.returncode, 0, password)
            self.assertIn(why, result.stderr)


class PolicyTest(SiteTestCase):
    """Ways around the policy."""

    def post(self, author, text):
        return self.server.json("POST", "/api/v1/articles/%s/comments" % self.slug,
                                {"author": author, "text": text})

    def published(self):
        _, _, body = self.server.json("GET", "/api/v1/articles/%s/comments" % self.slug)
        return body["comments"]

    def test_author_names_are_moderated(self):
        status, _, body = self.post("Orospu çocuğu aptal gerizekalı", CLEAN)
        self.assertEqual(status, 422, body)
        self.assertIn('"author"', body["error"]["message"])
        self.assertNotIn("Orospu", json.dumps(self.published(), ensure_ascii=False))

    def test_directional_overrides_are_moderated_as_displayed(self):
        status, _, body = self.post("Okur", "Sen tam bir \u202enıslatpa\u202c")
        self.assertEqual(status, 422, body)
        self.assertEqual(body["status"], "rejected")
        status, _, body = self.server.json("POST", "/api/v1/moderate",
                                           {"text": "Sen tam bir \u202enıslatpa\u202c"})
        self.assertEqual(status, 200)
        self.assertIn("insult", [r["rule"] for r in body["rules"] if r["violated"]])

    def test_invisible_names_are_refused(self):
        status, _, body = self.post("\u200b\u200b\u200b", CLEAN)
        self.assertEqual(status, 400, body)


class StorageTest(unittest.TestCase):
    # Deleting the database directory while serving gave five false 201s
    # and a healthy /healthz.
    def test_a_deleted_database_is_noticed(self):
        with tempfile.TemporaryDirectory(prefix="newsroom-hostile-storage-") as tmp:
            dbdir = os.path.join(tmp, "db")
            os.mkdir(dbdir)
            server = NewsroomServer(BINARY, tmp, db=os.path.join(dbdir, "site.db")).start()
            try:
                slug = demo_slug(server)
                shutil.rmtree(dbdir)
                for i in range(5):
                    status, _, body = server.json(
                        "POST", "/api/v1/articles/%s/comments" % slug,
                        {"author": "Okur", "text": CLEAN + " %d" % i})
                    self.assertEqual(status, 503, body)
                status, _, body = server.request("GET", "/healthz")
                self.assertEqual(status, 503, body)
            finally:
                server.stop()


def add_api_key(server):
    result = subprocess.run([BINARY, "apikey", "add", "test", "--db", "sqlite:" + server.db],
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.decode().strip()


class SmallerTest(SiteTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.key = add_api_key(cls.server)

    # A number overflow in a Perspective body was a 500 in the wrong shape.
    def test_a_number_overflow_is_400_in_googles_shape(self):
        status, _, body = self.server.json(
            "POST", "/v1alpha1/comments:analyze?key=" + self.key,
            body=b'{"comment": {"text": "Merhaba"}, "requestedAttributes": {"TOXICITY": {}},'
                 b' "x": 1e999}')
        self.assertEqual(status, 400, body)
        self.assertEqual(body["error"]["status"], "INVALID_ARGUMENT")

    def test_origin_null_is_not_the_same_origin(self):
        status, _, _ = self.server.request(
            "POST", "/news/%s/comments" % self.slug,
            body="author=Okur&text=" + CLEAN,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": "null"})
        self.assertEqual(status, 403)

    # libvips' error buffer leaked one request's error into the next.
    def test_image_errors_do_not_leak_between_uploads(self):
        self.server.add_user("foto", "fotoğrafçı-parola-3", "editor")
        cookie, csrf = self.server.login("foto", "fotoğrafçı-parola-3")
        auth = {"Cookie": cookie, "X-CSRF-Token": csrf}
        messages = []
        for junk in (b"\x89PNG\r\n\x1a\nnot really", b"GIF89a also not"):
            status, _, body = self.server.json(
                "POST", "/api/v1/photos", body=junk,
                headers=dict(auth, **{"Content-Type": "image/png"}))
            self.assertEqual(status, 422, body)
            messages.append(body["error"]["message"])
        self.assertLess(len(messages[1]), 400, messages[1])
        first_detail = messages[0].split(":")[-1].strip()
        if first_detail:
            self.assertNotIn(first_detail, messages[1])



class StopTest(unittest.TestCase):
    # SIGTERM dropped answers in flight; ?%6Bey= put the API key in the
    # access log (which is whole once the server has stopped).
    def test_sigterm_lets_answers_in_flight_finish_and_the_log_keeps_no_key(self):
        with tempfile.TemporaryDirectory(prefix="newsroom-hostile-stop-") as tmp:
            log_path = os.path.join(tmp, "access.log")
            # Many failed logins from this one address: none is throttled.
            config = write_config(tmp, "[sessions]\nlogin_max_failures = 1000\n")
            server = NewsroomServer(BINARY, tmp, ["--config", config,
                                                  "--access-log", log_path]).start()
            try:
                key = add_api_key(server)
                escaped = "".join("%%%02X" % ord(c) for c in "key")
                for name in ("key", "%6Bey", escaped):
                    server.json("POST", "/v1alpha1/comments:analyze?%s=%s" % (name, key),
                                {"comment": {"text": "Merhaba"},
                                 "requestedAttributes": {"TOXICITY": {}}})
                server.add_user("gece", "gece-nöbeti-parola", "moderator")
                results = []

                def login():
                    try:
                        results.append(server.json(
                            "POST", "/api/v1/session",
                            {"username": "gece", "password": "yanlış-parola"})[0])
                    except Exception as e:  # noqa: BLE001
                        results.append(repr(e))

                # Eight argon2 checks queue on the workers; the signal comes
                # while they run, and a second one (an impatient operator)
                # during the drain. (The drain is bounded, drain_timeout
                # 10 s: no more work than a loaded machine does well within
                # it.)
                threads = [threading.Thread(target=login) for _ in range(8)]
                for t in threads:
                    t.start()
                time.sleep(0.2)
                server.process.send_signal(signal.SIGTERM)
                time.sleep(0.05)
                server.process.send_signal(signal.SIGTERM)
                for t in threads:
                    t.join()
                code = server.process.wait(timeout=30)
            finally:
                server.stop()
            self.assertEqual(code, 0)
            self.assertEqual(results, [401] * 8)
            with open(log_path, encoding="utf-8") as f:
                log = f.read()
            self.assertIn("REDACTED", log)
            self.assertNotIn(key, log)


class ServeTest(unittest.TestCase):
    def test_a_public_address_needs_base_url(self):
        with tempfile.TemporaryDirectory(prefix="newsroom-hostile-serve-") as tmp:
            result = subprocess.run(
                [BINARY, "serve", "--data-dir", newsroom_server.DATA_DIR,
                 "--listen", "0.0.0.0:0", "--db", "sqlite:" + os.path.join(tmp, "x.db")],
                capture_output=True, timeout=120)
            self.assertNotEqual(result.returncode, 0)
            self.assertIn(b"base_url", result.stderr)

    def test_health_checks_are_answered_when_descriptors_run_low(self):
        with tempfile.TemporaryDirectory(prefix="newsroom-hostile-fds-") as tmp:
            config = write_config(tmp, "[server]\nmax_connections_per_client = 0\n")

            def low_limit():
                resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))

            server = NewsroomServer(BINARY, tmp, ["--config", config], preexec_fn=low_limit).start()
            held = []
            try:
                # 256 descriptors, 64 of them kept for the server's own work:
                # 200 connections are more than it takes.
                for _ in range(200):
                    try:
                        held.append(Connection(server.port, timeout=2))
                    except OSError:
                        break
                time.sleep(0.5)
                status, _, body = server.request("GET", "/healthz")
                self.assertEqual(status, 200, body)
                status, headers, _ = server.request("GET", "/news/x")
                self.assertEqual(status, 503)
            finally:
                for c in held:
                    c.close()
                server.stop()


if __name__ == "__main__":
    newsroom_server.main(globals())
