"""Integration tests of the Perspective API drop-in: the real `newsroom serve`
binary on a free port with a fresh database, called the way Coral Talk and
Perspective's documentation call Google's API, with keys made by the real
`newsroom apikey` command.

Run: python3 tests/integration/perspective_test.py --binary build/newsroom
(ctest runs it as integration_perspective).
"""

import json
import os
import posixpath
import re
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import newsroom_server  # noqa: E402
from newsroom_server import NewsroomServer, wait_until  # noqa: E402

BINARY = None

# Coral's default toxicity threshold (TOXICITY_THRESHOLD_DEFAULT = 80, as a
# share); a comment is withheld when its score is strictly above it.
CORAL_THRESHOLD = 0.8

# (text, withheld at Coral's threshold): clear insults and ordinary
# comments, criticism included, in Turkish and English. Coral sends
# languages ["en"] with every one of them.
CORAL_CASES = [
    ("Sen tam bir aptalsın, seni gerizekalı herif.", True),
    ("Köprünün açılması ilçeye çok yakışmış, emeği geçenlere teşekkürler.", False),
    ("Belediyenin bu kararı bence çok yanlış, vatandaşı hiç dinlemediler.", False),
    ("You are a complete idiot.", True),
    ("Thank you for this clear report on the new ferry line.", False),
    ("I think the council got this decision wrong and should reconsider it.", False),
]

# The request of Perspective's documentation (developers.perspectiveapi.com,
# "Sample requests"; conversationai/perspectiveapi 1-get-started/sample.md).
DOCUMENTED_REQUEST = {
    "comment": {"text": "What kind of idiot name is foo?"},
    "languages": ["en"],
    "requestedAttributes": {"TOXICITY": {}},
}

ERROR_STATUS = {400: "INVALID_ARGUMENT", 403: "PERMISSION_DENIED",
                413: "INVALID_ARGUMENT", 429: "RESOURCE_EXHAUSTED"}


def coral_url(endpoint, operation, key):
    """The URL Coral's sendToPerspective builds: the endpoint's path joined
    (Node's path.join, which also normalises) with "/" + operation, and the
    key set as the `key` search parameter."""
    url = urllib.parse.urlsplit(endpoint.strip())
    path = posixpath.normpath(url.path + "/" + "/" + operation)
    query = urllib.parse.urlencode({"key": key.strip()})
    return urllib.parse.urlunsplit((url.scheme, url.netloc, path, query, ""))


def coral_body(text):
    """Coral's formatBody for comments:analyze, as JSON.stringify writes it:
    model TOXICITY, doNotStore true (the default), languages ["en"] (Coral
    maps every locale Perspective lacks, Turkish included, to "en")."""
    return json.dumps({
        "comment": {"text": text},
        "doNotStore": True,
        "requestedAttributes": {"TOXICITY": {}},
        "languages": ["en"],
    }, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


class PerspectiveTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="newsroom-perspective-test-")
        config = os.path.join(cls.tmp.name, "server.toml")
        with open(config, "w") as f:
            f.write("[perspective]\nrequests_per_minute = 20\nkey_cache_seconds = 1\n")
        cls.server = NewsroomServer(BINARY, cls.tmp.name,
                                    extra_args=["--config", config]).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    # -- helpers ------------------------------------------------------------

    def cli(self, *args):
        return subprocess.run([BINARY] + list(args) + ["--db", "sqlite:" + self.server.db],
                              capture_output=True, timeout=60)

    def add_key(self, name):
        result = self.cli("apikey", "add", name)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        key = result.stdout.decode()
        self.assertRegex(key, r"^[A-Za-z0-9_-]{43}\n$", "stdout is the key and nothing else")
        return key.strip()

    def analyze(self, body, key=None, headers=None, path="/v1alpha1/comments:analyze"):
        if key is not None:
            path += "?key=" + urllib.parse.quote(key)
        if isinstance(body, dict):
            body = json.dumps(body).encode()
        headers = dict(headers or {})
        headers.setdefault("Content-Type", "application/json")
        return self.server.json("POST", path, body=body, headers=headers)

    def assert_google_error(self, status, body, code, mentions=None):
        self.assertEqual(status, code, body)
        self.assertEqual(set(body), {"error"}, body)
        self.assertEqual(set(body["error"]), {"code", "message", "status"}, body)
        self.assertEqual(body["error"]["code"], code)
        if code in ERROR_STATUS:
            self.assertEqual(body["error"]["status"], ERROR_STATUS[code])
        self.assertIsInstance(body["error"]["message"], str)
        self.assertTrue(body["error"]["message"])
        if mentions:
            self.assertIn(mentions, body["error"]["message"])

    def assert_score(self, score):
        self.assertEqual(set(score), {"value", "type"})
        self.assertIsInstance(score["value"], float)
        self.assertGreaterEqual(score["value"], 0.0)
        self.assertLessEqual(score["value"], 1.0)
        self.assertEqual(score["type"], "PROBABILITY")

    # -- (a) Coral's exact request --------------------------------------------

    def test_corals_request_withholds_insults_and_passes_ordinary_comments(self):
        key = self.add_key("coral")
        for endpoint in ("http://127.0.0.1:%d/v1alpha1" % self.server.port,
                         "http://127.0.0.1:%d/v1alpha1/" % self.server.port):
            url = urllib.parse.urlsplit(coral_url(endpoint, "comments:analyze", key))
            self.assertEqual(url.path, "/v1alpha1/comments:analyze")
        target = url.path + "?" + url.query
        for text, withheld in CORAL_CASES:
            with self.subTest(text=text):
                status, _, body = self.server.json(
                    "POST", target, body=coral_body(text),
                    headers={"Content-Type": "application/json"})
                self.assertEqual(status, 200, body)
                # What Coral's toxic phase reads, and how it decides.
                score = body["attributeScores"]["TOXICITY"]["summaryScore"]["value"]
                self.assertEqual(score > CORAL_THRESHOLD, withheld,
                                 "%s: TOXICITY %.4f" % (text, score))
                self.assertEqual(body["languages"], ["en"])
                turkish = any(ch in text for ch in "çğıöşüÇĞİÖŞÜ")
                self.assertEqual(body["detectedLanguages"], ["tr" if turkish else "en"])

    # -- (b) Perspective's documented examples --------------------------------

    def test_documented_request_gets_the_documented_response_shape(self):
        key = self.add_key("docs")
        status, headers, body = self.analyze(DOCUMENTED_REQUEST, key)
        self.assertEqual(status, 200, body)
        self.assertTrue(headers["content-type"].startswith("application/json"))
        # {"attributeScores": {"TOXICITY": {"summaryScore": {"value": 0.92,
        #  "type": "PROBABILITY"}}}, "languages": ["en"], "detectedLanguages": ["en"]}
        self.assertEqual(set(body), {"attributeScores", "languages", "detectedLanguages"})
        self.assertEqual(set(body["attributeScores"]), {"TOXICITY"})
        self.assertEqual(set(body["attributeScores"]["TOXICITY"]), {"summaryScore"})
        self.assert_score(body["attributeScores"]["TOXICITY"]["summaryScore"])
        self.assertEqual(body["languages"], ["en"])
        self.assertEqual(body["detectedLanguages"], ["en"])

    def test_span_annotations_give_span_scores_in_code_points(self):
        key = self.add_key("spans")
        request = dict(DOCUMENTED_REQUEST, spanAnnotations=True, clientToken="t-1")
        status, _, body = self.analyze(request, key)
        self.assertEqual(status, 200, body)
        self.assertEqual(body["clientToken"], "t-1")
        toxicity = body["attributeScores"]["TOXICITY"]
        self.assertEqual(set(toxicity), {"summaryScore", "spanScores"})
        self.assert_score(toxicity["summaryScore"])
        self.assertIsInstance(toxicity["spanScores"], list)
        self.assertTrue(toxicity["spanScores"])
        text = DOCUMENTED_REQUEST["comment"]["text"]
        for span in toxicity["spanScores"]:
            self.assertEqual(set(span), {"begin", "end", "score"})
            self.assertIsInstance(span["begin"], int)
            self.assertIsInstance(span["end"], int)
            self.assertTrue(0 <= span["begin"] < span["end"] <= len(text), span)
            self.assert_score(span["score"])
            self.assertLessEqual(span["score"]["value"], toxicity["summaryScore"]["value"])
        words = [text[s["begin"]:s["end"]] for s in toxicity["spanScores"]]
        self.assertIn("idiot", words)
        # Offsets are code points, so Turkish letters count one each.
        request = {"comment": {"text": "Şu çöp haberi yazan gerizekalı kim?"},
                   "requestedAttributes": {"INSULT": {}}, "spanAnnotations": True}
        status, _, body = self.analyze(request, key)
        self.assertEqual(status, 200, body)
        spans = body["attributeScores"]["INSULT"]["spanScores"]
        self.assertIn("gerizekalı", [request["comment"]["text"][s["begin"]:s["end"]]
                                     for s in spans])

    def test_documented_suggestscore_example_is_answered_with_its_token(self):
        key = self.add_key("docs-suggest")
        request = {
            "comment": {"text": "I guess it comes down a simple choice: "
                                "Get busy living, or get busy dying."},
            "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0}}},
            "communityId": "/forum/movies",
            "clientToken": "comment-53922",
        }
        status, _, body = self.analyze(request, key, path="/v1alpha1/comments:suggestscore")
        self.assertEqual(status, 200, body)
        self.assertEqual(body, {"clientToken": "comment-53922"})

    def test_documented_unsubstantial_example_names_the_unsupported_attribute(self):
        key = self.add_key("docs-unsubstantial")
        request = {
            "comment": {"text": "What kind of idiot name is foo? Sorry, I like your name."},
            "languages": ["en"],
            "requestedAttributes": {"TOXICITY": {}, "UNSUBSTANTIAL": {}},
        }
        status, _, body = self.analyze(request, key)
        self.assert_google_error(status, body, 400, mentions="UNSUBSTANTIAL")
        self.assertIn("TOXICITY", body["error"]["message"], "lists the supported ones")

    # -- (c) keys, rate, bad requests -----------------------------------------

    def test_missing_unknown_and_revoked_keys_are_refused(self):
        status, _, body = self.analyze(DOCUMENTED_REQUEST)
        self.assert_google_error(status, body, 403, mentions="API key")
        status, _, body = self.analyze(DOCUMENTED_REQUEST, "not-a-key-of-this-newsroom")
        self.assert_google_error(status, body, 403, mentions="API key")

        key = self.add_key("to-revoke")
        status, _, body = self.analyze(DOCUMENTED_REQUEST, key)
        self.assertEqual(status, 200, body)
        # The header works as the parameter does.
        status, _, body = self.analyze(DOCUMENTED_REQUEST,
                                       headers={"X-Goog-Api-Key": key})
        self.assertEqual(status, 200, body)
        result = self.cli("apikey", "revoke", "to-revoke")
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        # Valid keys are trusted for key_cache_seconds (1 here).
        self.assertTrue(wait_until(
            lambda: self.analyze(DOCUMENTED_REQUEST, key)[0] == 403, timeout=5))
        status, _, body = self.analyze(DOCUMENTED_REQUEST, key)
        self.assert_google_error(status, body, 403, mentions="revoked")

    def test_each_key_has_its_own_rate(self):
        busy = self.add_key("busy")
        calm = self.add_key("calm")
        statuses = [self.analyze(DOCUMENTED_REQUEST, busy)[0] for _ in range(20)]
        self.assertEqual(statuses, [200] * 20, "a minute's worth at once")
        status, headers, body = self.analyze(DOCUMENTED_REQUEST, busy)
        self.assert_google_error(status, body, 429, mentions="busy")
        self.assertGreaterEqual(int(headers["retry-after"]), 1)
        status, _, body = self.analyze(DOCUMENTED_REQUEST, calm)
        self.assertEqual(status, 200, body)

    def test_bad_requests_get_googles_error_shape(self):
        key = self.add_key("bad-requests")
        cases = [
            ("malformed JSON", b'{"comment": {"text": "Merhaba"', 400, "Invalid JSON"),
            ("invalid UTF-8", b'{"comment": {"text": "Merhaba \xff\xfe"}, '
                              b'"requestedAttributes": {"TOXICITY": {}}}', 400, "UTF-8"),
            ("not an object", b'["TOXICITY"]', 400, "object"),
            ("no text", json.dumps({"comment": {}, "requestedAttributes": {"TOXICITY": {}}}),
             400, "comment.text"),
            ("unknown attribute", json.dumps({"comment": {"text": "Merhaba"},
                                              "requestedAttributes": {"THREAT": {}}}),
             400, "THREAT"),
            ("threshold out of range",
             json.dumps({"comment": {"text": "Merhaba"},
                         "requestedAttributes": {"TOXICITY": {"scoreThreshold": 2}}}),
             400, "scoreThreshold"),
            ("white space only", json.dumps({"comment": {"text": "   "},
                                             "requestedAttributes": {"TOXICITY": {}}}),
             400, None),
            ("over max_json_bytes", json.dumps({"comment": {"text": "a " * 40000},
                                                "requestedAttributes": {"TOXICITY": {}}}),
             413, "exceeds"),
        ]
        for name, body, code, mentions in cases:
            with self.subTest(name):
                status, _, answer = self.analyze(body, key)
                self.assert_google_error(status, answer, code, mentions)

    def test_wrong_method_and_unknown_method_are_in_googles_shape(self):
        status, headers, body = self.server.json("GET", "/v1alpha1/comments:analyze")
        self.assert_google_error(status, body, 405)
        self.assertEqual(headers["allow"], "POST")
        status, _, body = self.server.json("POST", "/v1alpha1/comments:translate")
        self.assert_google_error(status, body, 404, mentions="comments:translate")
        # Some clients escape the colon.
        key = self.add_key("escaped")
        status, _, body = self.analyze(DOCUMENTED_REQUEST, key,
                                       path="/v1alpha1/comments%3Aanalyze")
        self.assertEqual(status, 200, body)

    # -- (d) suggestscore and the export ---------------------------------------

    def test_suggestions_are_stored_and_exported_as_training_data(self):
        key = self.add_key("coral-feedback")
        endpoint = "http://127.0.0.1:%d/v1alpha1" % self.server.port

        def suggest(text, rejected, comment_id):
            # Coral's formatBody for comments:suggestscore.
            body = {
                "comment": {"text": text},
                "context": {"entries": [{"text": json.dumps({
                    "url": "https://haber.example/kopru?commentID=" + comment_id,
                    "Coral_comment_id": comment_id})}]},
                "attributeScores": {"TOXICITY": {"summaryScore": {"value": 1 if rejected else 0}}},
                "languages": ["en"],
                "communityId": "Coral:https://haber.example",
                "clientToken": "comment:" + comment_id,
            }
            url = urllib.parse.urlsplit(coral_url(endpoint, "comments:suggestscore", key))
            status, _, answer = self.server.json(
                "POST", url.path + "?" + url.query,
                body=json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode(),
                headers={"Content-Type": "application/json"})
            self.assertEqual(status, 200, answer)
            self.assertEqual(answer, {"clientToken": "comment:" + comment_id})

        insult = "Yazan da okuyan da salak, defolun gidin."
        clean = "Vapur seferleri sabah\tbiraz daha sık olsa\nçok iyi olur."
        changed = "Bu haberi yazan gazeteci tam bir beyinsiz."
        suggest(insult, True, "c1")
        suggest(clean, False, "c2")
        suggest(changed, False, "c3")
        suggest(changed, True, "c3")  # the moderator changed their mind

        result = self.cli("feedback", "export")
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        lines = result.stdout.decode().splitlines()
        self.assertEqual(lines[0], "id\ttweet\tsubtask_a")
        rows = {}
        for line in lines[1:]:
            fields = line.split("\t")
            self.assertEqual(len(fields), 3, line)
            self.assertRegex(fields[0], r"^feedback-\d+$")
            rows[fields[1]] = fields[2]
        self.assertEqual(rows[insult], "OFF")
        self.assertEqual(rows["Vapur seferleri sabah biraz daha sık olsa çok iyi olur."], "NOT")
        self.assertEqual(rows[changed], "OFF", "the latest suggestion wins")
        self.assertEqual(sum(1 for line in lines if changed in line), 1)

        out = os.path.join(self.tmp.name, "feedback.jsonl")
        result = self.cli("feedback", "export", "--format", "jsonl", "--out", out)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(result.stdout, b"")
        with open(out, encoding="utf-8") as f:
            records = [json.loads(line) for line in f]
        mine = [r for r in records if r["api_key_name"] == "coral-feedback"]
        self.assertEqual(len(mine), 4)
        first = mine[0]
        self.assertEqual(set(first), {"id", "api_key_name", "text", "attribute", "score",
                                      "language", "client_token", "created_at"})
        self.assertEqual(first["text"], insult)
        self.assertEqual(first["attribute"], "TOXICITY")
        self.assertEqual(first["score"], 1.0)
        self.assertEqual(first["language"], "tr", "the engine's language, not Coral's en")
        self.assertEqual(first["client_token"], "comment:c1")
        self.assertRegex(first["created_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")

        result = self.cli("feedback", "export", "--format", "csv")
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"--format must be tsv or jsonl", result.stderr)

    def test_analyze_stores_nothing(self):
        key = self.add_key("no-store")
        text = "Bu yorum hiçbir yerde saklanmamalı, teşekkürler."
        for do_not_store in (True, False):
            status, _, body = self.analyze({"comment": {"text": text},
                                            "requestedAttributes": {"TOXICITY": {}},
                                            "doNotStore": do_not_store}, key)
            self.assertEqual(status, 200, body)
        result = self.cli("feedback", "export", "--format", "jsonl")
        self.assertNotIn(text.encode(), result.stdout)
        for path in (self.server.db, self.server.db + "-wal"):
            if os.path.exists(path):
                with open(path, "rb") as f:
                    self.assertNotIn(text.encode(), f.read(), path)

    # -- (e) the apikey command ------------------------------------------------

    def test_apikey_add_list_revoke(self):
        key = self.add_key("cli-newsroom")
        result = self.cli("apikey", "add", "cli-newsroom")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, b"")
        self.assertIn(b'an API key named "cli-newsroom" exists', result.stderr)

        result = self.cli("apikey", "list")
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        listing = result.stdout.decode()
        self.assertNotIn(key, listing, "the key itself is never shown again")
        line = [l for l in listing.splitlines() if l.startswith("cli-newsroom\t")]
        self.assertEqual(len(line), 1, listing)
        name, prefix, created, state = line[0].split("\t")
        self.assertTrue(key.startswith(prefix.rstrip("…")))
        self.assertRegex(created, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertEqual(state, "active")

        result = self.cli("apikey", "revoke", "cli-newsroom")
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        result = self.cli("apikey", "list")
        line = [l for l in result.stdout.decode().splitlines()
                if l.startswith("cli-newsroom\t")][0]
        self.assertTrue(line.split("\t")[3].startswith("revoked "), line)

        result = self.cli("apikey", "revoke", "cli-newsroom")
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"revoked already", result.stderr)
        result = self.cli("apikey", "revoke", "nobody")
        self.assertEqual(result.returncode, 1)
        self.assertIn(b'no API key named "nobody"', result.stderr)
        result = self.cli("apikey", "add", "cli-newsroom")
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"names are not reused", result.stderr)
        result = self.cli("apikey", "add", "has space")
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"white space", result.stderr)

    # -- metrics ------------------------------------------------------------------

    def test_metrics_count_the_perspective_routes(self):
        key = self.add_key("metrics")
        self.analyze(DOCUMENTED_REQUEST, key)
        self.analyze(DOCUMENTED_REQUEST)
        status, _, body = self.server.request("GET", "/metrics")
        self.assertEqual(status, 200)
        text = body.decode()
        self.assertRegex(text, r'newsroom_http_requests_total\{route="/v1alpha1/comments:analyze",'
                               r'method="POST",status="200"\} [1-9]')
        self.assertRegex(text, r'newsroom_http_requests_total\{route="/v1alpha1/comments:analyze",'
                               r'method="POST",status="403"\} [1-9]')
        self.assertIn('newsroom_verdicts_total{endpoint="analyze"', text)


class StartTest(unittest.TestCase):
    def test_a_broken_calibration_stops_the_start_with_a_clear_error(self):
        with tempfile.TemporaryDirectory(prefix="newsroom-perspective-start-") as tmp:
            broken = os.path.join(tmp, "calibration.txt")
            with open(broken, "w") as f:
                f.write("# knots\nclassifier\t0.1\t0.2\nclassifier\t0.05\t0.3\n")
            config = os.path.join(tmp, "server.toml")
            with open(config, "w") as f:
                f.write('[perspective]\ncalibration = "%s"\n' % broken)
            server = NewsroomServer(BINARY, tmp, extra_args=["--config", config])
            with self.assertRaises(RuntimeError) as raised:
                server.start()
            message = str(raised.exception)
            self.assertIn(broken + ":3", message)
            self.assertIn("increasing raw order", message)


if __name__ == "__main__":
    newsroom_server.main(globals())
