"""Kills `newsroom serve` with SIGKILL in the middle of a comment-posting
load, restarts it, and checks that every comment that had been answered
201 is in the database.

Run: python3 tests/integration/durability_test.py --binary build/newsroom
(ctest runs it as integration_durability).
"""

import http.client
import json
import os
import signal
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import newsroom_server  # noqa: E402
from newsroom_server import NewsroomServer  # noqa: E402

BINARY = None
POSTERS = 16
LOAD_SECONDS = 3.0


class DurabilityTest(unittest.TestCase):
    def test_sigkill_loses_no_acknowledged_comment(self):
        with tempfile.TemporaryDirectory(prefix="newsroom-kill-") as tmp:
            server = NewsroomServer(BINARY, tmp).start()
            _, _, body = server.json("GET", "/api/v1/articles")
            slug = body["articles"][0]["slug"]
            path = "/api/v1/articles/%s/comments" % slug
            acknowledged = []  # (id, text)
            lock = threading.Lock()
            stop = threading.Event()

            def poster(n):
                conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
                i = 0
                while not stop.is_set():
                    i += 1
                    text = "Okurun %d. yorumu, %d numaralı kalemden: köprü çok güzel olmuş." % (i, n)
                    try:
                        conn.request("POST", path, body=json.dumps({"author": "Okur", "text": text}),
                                     headers={"Content-Type": "application/json"})
                        response = conn.getresponse()
                        data = response.read()
                    except (OSError, http.client.HTTPException):
                        return  # the server is gone
                    if response.status == 201:
                        answer = json.loads(data)
                        with lock:
                            acknowledged.append((answer["comment"]["id"], text))

            threads = [threading.Thread(target=poster, args=(n,)) for n in range(POSTERS)]
            for t in threads:
                t.start()
            time.sleep(LOAD_SECONDS)
            server.process.send_signal(signal.SIGKILL)
            server.process.wait()
            stop.set()
            for t in threads:
                t.join()
            server.stop()
            self.assertGreater(len(acknowledged), 100, "the load reached the server")

            server = NewsroomServer(BINARY, tmp).start()
            try:
                server.add_user("m", "parola-parola", "moderator")
                cookie, _ = server.login("m", "parola-parola")
                stored = {}
                for status_name in ("approved", "pending", "rejected"):
                    status, _, queue = server.json(
                        "GET", "/api/v1/moderation/queue?status=%s&limit=1000" % status_name,
                        headers={"Cookie": cookie})
                    self.assertEqual(status, 200)
                    # The queue shows at most 1000; count from the API too.
                    stored.update({c["id"]: c["text"] for c in queue["comments"]})
                # Every window of the published comments, to the end.
                cursor = None
                while True:
                    window = path + "?limit=200" + ("&cursor=" + cursor if cursor else "")
                    status, _, listed = server.json("GET", window)
                    self.assertEqual(status, 200)
                    stored.update({c["id"]: c["text"] for c in listed["comments"]})
                    cursor = listed["next_cursor"]
                    if cursor is None:
                        break
                missing = [(i, t) for i, t in acknowledged if stored.get(i) != t]
                print("acknowledged %d comments before SIGKILL; %d found after restart; "
                      "missing %d" % (len(acknowledged), len(stored), len(missing)))
                self.assertEqual(missing, [])
            finally:
                server.stop()


if __name__ == "__main__":
    newsroom_server.main(globals())
