#!/usr/bin/env python3
"""The soak test: `newsroom serve` under mixed traffic for a long time, its
memory and latency sampled each minute. Not part of CI (it runs for half an
hour); its figures go to BENCHMARKS.md.

    python3 bench/soak/soak.py --binary build/newsroom --minutes 30 \
        [--readers 4 --commenters 2 --moderators 1 --perspective 2] \
        [--out soak.json]

It starts its own server on a fresh database (per-client limits off, as
on a loopback load test; the Perspective key's rate too) and runs, each
in its own threads with keep-alive connections:
  - readers: the article page and the JSON comment list the embed reads,
    half of them revalidating with If-None-Match as a browser does;
  - commenters: clean comments, and pathological ones — 5,000-letter
    words, hundreds of misspelt words, capitals, text typed without
    Turkish letters, directional overrides, zero-width characters, the
    longest text max_length allows — through /api/v1/moderate and as
    posted comments;
  - moderators: log in, read the queue, approve or reject what waits;
  - Perspective clients: Coral's comments:analyze with an API key.
Each minute it prints and records the server's resident memory
(/proc/PID/status VmRSS), the requests of each kind, their p50 and p99,
and the answers >= 500. At the end it checks that none was a 5xx, the
server is still healthy, and it exits 1 otherwise.
"""

import argparse
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))

CLEAN = [
    "Vapur hattının açılması çok güzel olmuş, emeği geçenlere teşekkürler.",
    "Sabahları köprüde beklemek yerine vapurla gitmek çok daha keyifli olacak.",
    "Belediyenin bu kararı bence yanlış, vatandaşı hiç dinlemediler.",
    "Great reporting, thank you for covering this.",
]
LETTERS = "abcçdefgğhıijklmnoöprsştuüvyz"


def pathological(rng):
    kind = rng.randrange(8)
    if kind == 0:
        return "".join(rng.choice(LETTERS) for _ in range(4990))
    if kind == 1:
        return " ".join("".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 14)))
                        for _ in range(450))[:4990]
    if kind == 2:
        return ("BU HABER TAMAMEN YALAN KİMSE İNANMASIN " * 130)[:4990]
    if kind == 3:
        return ("cok guzel bir haber olmus tesekkurler ederim " * 110)[:4990]
    if kind == 4:
        return "Sen tam bir \u202enıslatpa\u202c " * 20
    if kind == 5:
        return "ap\u200bta\u00adl " * 500
    if kind == 6:
        return ("a " * 2495)[:4990]
    return "".join(rng.choice(LETTERS + " .,!?") for _ in range(rng.randint(1000, 5000)))


class Stats:
    def __init__(self):
        self.mu = threading.Lock()
        self.latencies = {}
        self.counts = {}
        self.errors = {}  # kind -> count of 5xx or failures
        self.examples = []

    def add(self, kind, seconds, status):
        with self.mu:
            self.latencies.setdefault(kind, []).append(seconds)
            self.counts[kind] = self.counts.get(kind, 0) + 1
            if status is None or status >= 500:
                self.errors[kind] = self.errors.get(kind, 0) + 1
                if len(self.examples) < 20:
                    self.examples.append((kind, status))

    def take(self):
        with self.mu:
            out = (self.latencies, self.counts, self.errors)
            self.latencies, self.counts, self.errors = {}, {}, {}
            return out


class Client:
    def __init__(self, port):
        self.port = port
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                r = self.conn.getresponse()
                data = r.read()
                if r.getheader("connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return r.status, r, data
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")


def timed(stats, kind, fn):
    start = time.perf_counter()
    try:
        status = fn()
    except Exception:  # noqa: BLE001
        status = None
    stats.add(kind, time.perf_counter() - start, status)
    return status


def reader(port, slug, stop, stats, seed):
    rng = random.Random(seed)
    c = Client(port)
    etags = {}
    while not stop.is_set():
        path = rng.choice(["/news/" + slug, "/api/v1/articles/%s/comments" % slug])
        headers = {}
        if rng.random() < 0.5 and path in etags:
            headers["If-None-Match"] = etags[path]

        def get():
            status, r, _ = c.request("GET", path, headers=headers)
            if r.getheader("etag"):
                etags[path] = r.getheader("etag")
            return status
        timed(stats, "read", get)


def commenter(port, slug, stop, stats, seed):
    rng = random.Random(seed)
    c = Client(port)
    n = 0
    while not stop.is_set():
        n += 1
        text = pathological(rng) if rng.random() < 0.4 else rng.choice(CLEAN) + " %d" % n
        if rng.random() < 0.5:
            body = json.dumps({"text": text}).encode()
            timed(stats, "moderate", lambda: c.request(
                "POST", "/api/v1/moderate", body, {"Content-Type": "application/json"})[0])
        else:
            body = json.dumps({"author": "Okur %d" % (seed * 100000 + n), "text": text}).encode()
            timed(stats, "comment", lambda: c.request(
                "POST", "/api/v1/articles/%s/comments" % slug, body,
                {"Content-Type": "application/json"})[0])


def moderator(port, stop, stats, seed):
    rng = random.Random(seed)
    c = Client(port)
    status, r, data = c.request("POST", "/api/v1/session",
                                json.dumps({"username": "soak", "password": "soak-parolası-42"}).encode(),
                                {"Content-Type": "application/json"})
    assert status == 200, data
    cookie = r.getheader("set-cookie").split(";", 1)[0]
    csrf = json.loads(data)["csrf_token"]
    while not stop.is_set():
        def queue():
            status, _, data = c.request("GET", "/api/v1/moderation/queue?status=pending&limit=20",
                                        headers={"Cookie": cookie})
            if status == 200:
                waiting = json.loads(data)["comments"]
                if waiting:
                    item = rng.choice(waiting)
                    decision = rng.choice(["approve", "reject"])
                    timed(stats, "decide", lambda: c.request(
                        "POST", "/api/v1/comments/%d/%s" % (item["id"], decision),
                        json.dumps({"expected_status": "pending"}).encode(),
                        {"Cookie": cookie, "X-CSRF-Token": csrf,
                         "Content-Type": "application/json"})[0])
            return status
        timed(stats, "queue", queue)
        time.sleep(0.2)


def perspective(port, key, stop, stats, seed):
    rng = random.Random(seed)
    c = Client(port)
    while not stop.is_set():
        text = pathological(rng) if rng.random() < 0.2 else rng.choice(CLEAN)
        body = json.dumps({"comment": {"text": text}, "doNotStore": True,
                           "requestedAttributes": {"TOXICITY": {}},
                           "languages": ["en"]}).encode()
        timed(stats, "analyze", lambda: c.request(
            "POST", "/v1alpha1/comments:analyze?key=" + key, body,
            {"Content-Type": "application/json"})[0])


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", default=os.path.join(REPO, "build", "newsroom"))
    ap.add_argument("--minutes", type=float, default=30)
    ap.add_argument("--readers", type=int, default=4)
    ap.add_argument("--commenters", type=int, default=2)
    ap.add_argument("--moderators", type=int, default=1)
    ap.add_argument("--perspective", type=int, default=2)
    ap.add_argument("--out", default=None, help="write the samples as JSON here")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="newsroom-soak-")
    db = "sqlite:" + os.path.join(tmp, "soak.db")
    with open(os.path.join(tmp, "server.toml"), "w") as f:
        f.write("[perspective]\nrequests_per_minute = 0\n")
    subprocess.run([args.binary, "user", "add", "--role", "moderator", "--db", db, "soak"],
                   input="soak-parolası-42\n".encode(),
                   check=True, capture_output=True)
    key = subprocess.run([args.binary, "apikey", "add", "--db", db, "soak"], check=True,
                         capture_output=True).stdout.decode().strip()
    server = subprocess.Popen(
        [args.binary, "serve", "--data-dir", os.path.join(REPO, "data"), "--listen",
         "127.0.0.1:0", "--db", db, "--config", os.path.join(tmp, "server.toml"),
         "--rate-limit", "0", "--access-log", "off"],
        stdout=subprocess.PIPE, stderr=open(os.path.join(tmp, "server.log"), "wb"))
    line = server.stdout.readline().decode()
    assert line.startswith("listening on "), line
    port = int(line.strip().rsplit(":", 1)[1])
    c = Client(port)
    status, _, data = c.request("GET", "/api/v1/articles")
    slug = json.loads(data)["articles"][0]["slug"]

    stats = Stats()
    stop = threading.Event()
    threads = []
    for i in range(args.readers):
        threads.append(threading.Thread(target=reader, args=(port, slug, stop, stats, 100 + i)))
    for i in range(args.commenters):
        threads.append(threading.Thread(target=commenter, args=(port, slug, stop, stats, 200 + i)))
    for i in range(args.moderators):
        threads.append(threading.Thread(target=moderator, args=(port, stop, stats, 300 + i)))
    for i in range(args.perspective):
        threads.append(threading.Thread(target=perspective, args=(port, key, stop, stats, 400 + i)))
    for t in threads:
        t.daemon = True
        t.start()

    samples = []
    kinds = ["read", "moderate", "comment", "queue", "decide", "analyze"]
    print("minute  rss_mb  " + "  ".join("%-22s" % k for k in kinds) + "  5xx", flush=True)
    start = time.time()
    total_errors = 0
    try:
        minute = 0
        while time.time() - start < args.minutes * 60:
            time.sleep(max(0, start + (minute + 1) * 60 - time.time()))
            minute += 1
            latencies, counts, errors = stats.take()
            rss = rss_mb(server.pid)
            row = {"minute": minute, "rss_mb": round(rss, 1), "errors": sum(errors.values())}
            cells = []
            for k in kinds:
                p50 = percentile(latencies.get(k, []), 0.5) * 1000
                p99 = percentile(latencies.get(k, []), 0.99) * 1000
                row[k] = {"n": counts.get(k, 0), "p50_ms": round(p50, 2), "p99_ms": round(p99, 2)}
                cells.append("%-22s" % ("%d p50 %.1f p99 %.1f" % (counts.get(k, 0), p50, p99)))
            total_errors += row["errors"]
            samples.append(row)
            print("%6d  %6.1f  %s  %d" % (minute, rss, "  ".join(cells), row["errors"]), flush=True)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=90)
    status, _, _ = Client(port).request("GET", "/healthz")
    server.send_signal(signal.SIGTERM)
    code = server.wait(timeout=60)
    summary = {"minutes": args.minutes, "samples": samples, "errors_5xx": total_errors,
               "healthz_at_end": status, "exit_code": code, "examples": stats.examples}
    if args.out:
        with open(args.out, "w") as f:
            json.dump(summary, f, indent=1)
    first = samples[0]["rss_mb"] if samples else float("nan")
    last = samples[-1]["rss_mb"] if samples else float("nan")
    peak = max((s["rss_mb"] for s in samples), default=float("nan"))
    print("rss first %.1f MB, last %.1f MB, peak %.1f MB; 5xx %d; healthz %d; exit %d"
          % (first, last, peak, total_errors, status, code))
    ok = total_errors == 0 and status == 200 and code == 0
    if ok:
        subprocess.run(["rm", "-rf", tmp])
    else:
        print("server log and database kept in", tmp)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
