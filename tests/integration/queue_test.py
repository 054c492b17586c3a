"""Integration tests of the moderation queue at volume: search and filters,
bulk decisions by two moderators at once (none overwrites the other), the
thread around a comment, counts per day and rule, and the reason a
commenter is told. The real `newsroom serve` binary on a free port with a
fresh database, over HTTP.

Run: python3 tests/integration/queue_test.py --binary build/newsroom
(ctest runs it as integration_queue).
"""

import os
import re
import sys
import tempfile
import threading
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import newsroom_server  # noqa: E402
from newsroom_server import NewsroomServer  # noqa: E402

BINARY = None

# Held for a moderator (three misspelt words of seven), each made unique.
BORDERLINE = "Bu habr çok güzl olmuş, yazann eline sağlık. (%d)"
ALL_CAPS = "BU HABER ÇOK GÜZEL OLMUŞ, EMEĞİ GEÇENLERE TEŞEKKÜRLER"


class QueueTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="newsroom-queue-test-")
        cls.server = NewsroomServer(BINARY, cls.tmp.name).start()
        _, _, body = cls.server.json("GET", "/api/v1/articles")
        cls.slug = body["articles"][0]["slug"]
        cls.server.add_user("ayse", "moderatör-parola-1", "moderator")
        cls.server.add_user("burak", "moderatör-parola-2", "moderator")
        cls.ayse = cls.server.login("ayse", "moderatör-parola-1")
        cls.burak = cls.server.login("burak", "moderatör-parola-2")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.tmp.cleanup()

    def post(self, text, author="Okur", parent_id=None):
        payload = {"author": author, "text": text}
        if parent_id is not None:
            payload["parent_id"] = parent_id
        status, _, body = self.server.json(
            "POST", "/api/v1/articles/%s/comments" % self.slug, payload)
        self.assertIn(status, (201, 422), body)
        return body

    def as_(self, who):
        cookie, csrf = who
        return {"Cookie": cookie, "X-CSRF-Token": csrf}

    def queue(self, who=None, **params):
        query = urllib.parse.urlencode(params)
        status, _, body = self.server.json("GET", "/api/v1/moderation/queue?" + query,
                                           headers=self.as_(who or self.ayse))
        self.assertEqual(status, 200, body)
        return body

    def decide(self, who, decisions):
        status, _, body = self.server.json("POST", "/api/v1/moderation/decisions",
                                           {"decisions": decisions}, headers=self.as_(who))
        self.assertEqual(status, 200, body)
        return body

    def test_fifty_comments_two_moderators_none_overwritten(self):
        ids = [self.post(BORDERLINE % (1000 + i))["comment"]["id"] for i in range(50)]
        for i in ids:
            self.assertIsNotNone(i)
        # Ayşe rejects the first 30, Burak approves the last 30, at once:
        # the 10 in the middle are wanted by both.
        results = {}

        def run(name, who, chosen, decision):
            results[name] = self.decide(who, [
                {"id": i, "decision": decision, "expected_status": "pending",
                 **({"reason": "spelling"} if decision == "reject" else {})}
                for i in chosen])
        threads = [threading.Thread(target=run, args=("ayse", self.ayse, ids[:30], "reject")),
                   threading.Thread(target=run, args=("burak", self.burak, ids[20:], "approve"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        decided = {}
        for name, answer in results.items():
            for d in answer["decided"]:
                self.assertNotIn(d["id"], decided, "decided twice")
                decided[d["id"]] = (name, d["status"])
            for r in answer["refused"]:
                self.assertTrue(r["conflict"], r)
                self.assertIn(r["id"], ids[20:30])  # only the contested ones
        self.assertEqual(sorted(decided), sorted(ids))  # every one decided once
        refused = results["ayse"]["refused"] + results["burak"]["refused"]
        self.assertEqual(len(refused), 10)
        # What is stored is what the winner decided, and the audit log agrees.
        status, _, audit = self.server.json("GET", "/api/v1/moderation/audit",
                                            headers=self.as_(self.ayse))
        last_by_comment = {}
        for d in reversed(audit["decisions"]):
            last_by_comment[d["comment_id"]] = d
        for i, (name, status_) in decided.items():
            self.assertEqual(last_by_comment[i]["decided_by"], name)
            self.assertEqual(last_by_comment[i]["to"], status_)
        for r in refused:
            self.assertEqual(r["status"], decided[r["id"]][1])

    def test_search_filters_and_paging(self):
        marker = "Kadıköy vapuru"
        a = self.post("Bu habr çok güzl olmuş, %s yazann elne sağlk, teşekürler." % marker,
                      author="Şükrü Işık")["comment"]["id"]
        self.post(ALL_CAPS)
        q = self.queue(q="kadikoy VAPURU")  # case and Turkish letters aside
        self.assertEqual([c["id"] for c in q["comments"]], [a])
        self.assertEqual([c["id"] for c in self.queue(q="sukru isik")["comments"]], [a])
        spelled = self.queue(rule="spelling", limit=500)["comments"]
        self.assertIn(a, [c["id"] for c in spelled])
        self.assertTrue(all(any(r["rule"] == "spelling" for r in c["verdict"]["rules"])
                            for c in spelled))
        self.assertEqual(self.queue(rule="insult", q=marker)["comments"], [])
        article_id = q["comments"][0]["article"]["id"]
        self.assertIn(a, [c["id"] for c in self.queue(article=article_id, limit=500)["comments"]])
        self.assertEqual(self.queue(article=article_id + 999)["comments"], [])
        self.assertEqual(self.queue(since="2001-01-01", until="2001-01-02")["comments"], [])
        for i in (9001, 9002):  # three or more held: two pages of two
            self.post(BORDERLINE % i)
        page1 = self.queue(limit=2)
        self.assertEqual(len(page1["comments"]), 2)
        page2 = self.queue(limit=2, after=page1["next_after"])
        self.assertGreater(page2["comments"][0]["id"], page1["comments"][1]["id"])
        for bad in [{"rule": "shouting"}, {"since": "dün"}, {"limit": "0"},
                    {"status": "spam"}, {"article": "x"}]:
            status, _, body = self.server.json(
                "GET", "/api/v1/moderation/queue?" + urllib.parse.urlencode(bad),
                headers=self.as_(self.ayse))
            self.assertEqual(status, 400, bad)
            self.assertIn("message", body["error"])

    def test_the_thread_around_a_comment(self):
        root = self.post("Vapur hattı çok güzel olmuş, emeği geçenlere teşekkürler.")
        self.assertEqual(root["status"], "approved")
        reply = self.post(BORDERLINE % 7, parent_id=root["comment"]["id"])["comment"]["id"]
        status, _, body = self.server.json(
            "GET", "/api/v1/moderation/comments/%d/thread" % reply, headers=self.as_(self.ayse))
        self.assertEqual(status, 200)
        self.assertEqual([c["id"] for c in body["comments"]],
                         [root["comment"]["id"], reply])
        self.assertEqual(body["comments"][1]["status"], "pending")
        status, _, page = self.server.request(
            "GET", "/moderation/comments/%d/thread" % reply,
            headers={"Cookie": self.ayse[0]})
        self.assertEqual(status, 200)
        self.assertIn('aria-current="true"', page.decode())
        status, _, _ = self.server.json("GET", "/api/v1/moderation/comments/%d/thread" % reply)
        self.assertEqual(status, 401)

    def test_counts_per_day_and_rule(self):
        self.post(ALL_CAPS)
        status, _, body = self.server.json("GET", "/api/v1/moderation/counts?days=3",
                                           headers=self.as_(self.ayse))
        self.assertEqual(status, 200)
        today = body["days"][-1]
        self.assertRegex(today["day"], r"^\d{4}-\d\d-\d\d$")
        self.assertGreaterEqual(today["comments"], 1)
        self.assertGreaterEqual(today["rules"].get("all_caps", 0), 1)
        status, _, _ = self.server.json("GET", "/api/v1/moderation/counts?days=0",
                                        headers=self.as_(self.ayse))
        self.assertEqual(status, 400)

    def test_the_commenter_is_told_the_reason_with_the_receipt(self):
        posted = self.post(BORDERLINE % 99)
        self.assertEqual(posted["status"], "pending")
        cid, receipt = posted["comment"]["id"], posted["receipt"]
        status, _, body = self.server.json(
            "GET", "/api/v1/comments/%d/status?receipt=%s" % (cid, receipt))
        self.assertEqual((status, body["status"]), (200, "pending"))
        # Without the receipt, or with another, nothing is told.
        for wrong in ["", "yanlis", receipt[:-1] + ("a" if receipt[-1] != "a" else "b")]:
            status, _, _ = self.server.json(
                "GET", "/api/v1/comments/%d/status?receipt=%s" % (cid, wrong))
            self.assertEqual(status, 404, wrong)
        self.decide(self.burak, [{"id": cid, "decision": "reject",
                                  "expected_status": "pending", "reason": "spelling"}])
        status, _, body = self.server.json(
            "GET", "/api/v1/comments/%d/status?receipt=%s" % (cid, receipt))
        self.assertEqual(body["status"], "rejected")
        self.assertEqual(body["reason"], "spelling")
        self.assertIn("imla kuralları", body["message"]["tr"])
        self.assertIn("spelling rules", body["message"]["en"])
        # The reason is a clause of the policy, nothing else.
        status, _, body = self.server.json(
            "POST", "/api/v1/moderation/decisions",
            {"decisions": [{"id": cid, "decision": "reject", "reason": "çünkü"}]},
            headers=self.as_(self.burak))
        self.assertEqual(status, 400)

    def test_the_plain_form_decides_many_and_says_which_were_refused(self):
        ids = [self.post(BORDERLINE % (2000 + i))["comment"]["id"] for i in range(3)]
        # Burak approved the second one first.
        self.decide(self.burak, [{"id": ids[1], "decision": "approve",
                                  "expected_status": "pending"}])
        cookie, csrf = self.ayse
        form = [("csrf_token", csrf), ("expected", "pending"), ("back", "/moderation"),
                ("decision", "reject"), ("reason", "spelling")] + [("id", str(i)) for i in ids]
        status, headers, _ = self.server.request(
            "POST", "/moderation/decide", body=urllib.parse.urlencode(form),
            headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded",
                     "Origin": "http://127.0.0.1:%d" % self.server.port})
        self.assertEqual(status, 303)
        location = headers["location"]
        self.assertIn("done=2", location)
        self.assertIn("refused=%d" % ids[1], location)
        status, _, page = self.server.request("GET", location, headers={"Cookie": cookie})
        text = page.decode()
        self.assertIn("#%d" % ids[1], text)
        self.assertIn("başka bir moderatör", text.lower())
        # One comment's own button.
        one = self.post(BORDERLINE % 3000)["comment"]["id"]
        form = [("csrf_token", csrf), ("expected", "pending"), ("approve", str(one))]
        status, headers, _ = self.server.request(
            "POST", "/moderation/decide", body=urllib.parse.urlencode(form),
            headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded",
                     "Origin": "http://127.0.0.1:%d" % self.server.port})
        self.assertIn("done=1", headers["location"])
        status, _, page = self.server.request("GET", "/moderation?status=approved&q=3000",
                                              headers={"Cookie": cookie})
        self.assertRegex(page.decode(), r'data-comment-id="%d"' % one)

    def test_the_queue_page_is_compact_and_filters(self):
        self.post("Bu habr çok güzl olmuş, Üsküdar yazann elne sağlk, teşekürler.")
        cookie, _ = self.ayse
        status, _, page = self.server.request(
            "GET", "/moderation?q=%C3%BCsk%C3%BCdar", headers={"Cookie": cookie})
        self.assertEqual(status, 200)
        text = page.decode()
        self.assertEqual(len(re.findall(r'<li class="queue-item"', text)), 1)
        self.assertIn('class="badge violated" data-rule="spelling"', text)
        self.assertIn("<mark", text)
        self.assertIn('name="id"', text)  # a checkbox per comment
        self.assertIn('<select id="reject-reason" name="reason">', text)
        # A bad filter in a hand-edited link: the plain queue and why.
        status, _, page = self.server.request("GET", "/moderation?rule=shouting",
                                              headers={"Cookie": cookie})
        self.assertEqual(status, 200)
        self.assertIn("unknown rule", page.decode())


if __name__ == "__main__":
    newsroom_server.main(globals())
