"""Starts the real `newsroom serve` binary for integration tests.

    with NewsroomServer(binary, tmpdir) as server:
        status, headers, body = server.request("GET", "/healthz")

Each server gets a fresh SQLite database in its own directory and a free
port (it listens on 127.0.0.1:0 and prints the port it got), unless given
a database URL (db_url, e.g. a PostgreSQL database several servers share)
or a fixed port (listen). Only the Python standard library is used.
"""

import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import unittest

# The repository's data/, passed to every server explicitly.
DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")


class NewsroomServer:
    def __init__(self, binary, workdir, extra_args=(), db=None, db_url=None,
                 listen="127.0.0.1:0", rate_limits=False, preexec_fn=None):
        """rate_limits: keep the per-client limits of the config (they are
        switched off by default, as the tests post many comments);
        preexec_fn: runs in the server's process before it starts (to
        lower its descriptor limit, say)."""
        self.binary = binary
        self.workdir = workdir
        self.db = db or os.path.join(workdir, "newsroom.db")
        self.db_url = db_url or "sqlite:" + self.db
        self.listen = listen
        self.extra_args = list(extra_args)
        self.rate_limits = rate_limits
        self.preexec_fn = preexec_fn
        self.process = None
        self.port = None
        self.log_path = os.path.join(workdir, "server.log")

    def start(self):
        args = [self.binary, "serve", "--data-dir", DATA_DIR, "--listen", self.listen,
                "--db", self.db_url]
        if "--access-log" not in self.extra_args:
            args += ["--access-log", "off"]
        if not self.rate_limits:
            args += ["--rate-limit", "0"]
        args += self.extra_args
        self._log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=self._log, cwd=self.workdir,
            preexec_fn=self.preexec_fn)
        line = self.process.stdout.readline().decode()
        if not line.startswith("listening on "):
            self.process.kill()
            self.process.wait()
            self.process.stdout.close()
            self._log.close()
            self.process = None
            with open(self.log_path, encoding="utf-8", errors="replace") as log:
                raise RuntimeError("server did not start: %r\n%s" % (line, log.read()))
        self.port = int(line.strip().rsplit(":", 1)[1])
        return self

    def stop(self, sig=signal.SIGTERM):
        if self.process is None:
            return None
        self.process.send_signal(sig)
        code = self.process.wait(timeout=30)
        self.process.stdout.close()
        self._log.close()
        self.process = None
        return code

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # -- HTTP -------------------------------------------------------------

    def request(self, method, path, body=None, headers=None, json_body=None):
        """One request on a new connection: (status, headers dict, bytes)."""
        headers = dict(headers or {})
        if json_body is not None:
            body = json.dumps(json_body).encode()
            headers.setdefault("Content-Type", "application/json")
        if isinstance(body, str):
            body = body.encode()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, data
        finally:
            conn.close()

    def json(self, method, path, json_body=None, headers=None, body=None):
        status, hdrs, data = self.request(method, path, body=body,
                                          headers=headers, json_body=json_body)
        try:
            parsed = json.loads(data) if data else None
        except ValueError:
            raise AssertionError("not JSON (%d): %r" % (status, data[:200]))
        return status, hdrs, parsed

    def raw(self, payload, read_timeout=10):
        """Sends raw bytes on a new connection and returns all it answers."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=read_timeout) as s:
            s.sendall(payload)
            chunks = []
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
                    if b"\r\n\r\n" in b"".join(chunks):
                        head, _, rest = b"".join(chunks).partition(b"\r\n\r\n")
                        length = 0
                        for line in head.split(b"\r\n")[1:]:
                            name, _, value = line.partition(b":")
                            if name.strip().lower() == b"content-length":
                                length = int(value.strip())
                        if len(rest) >= length:
                            break
            except socket.timeout:
                pass
            return b"".join(chunks)

    # -- Accounts ---------------------------------------------------------

    def add_user(self, username, password, role):
        result = subprocess.run(
            [self.binary, "user", "add", "--role", role, "--db", self.db_url,
             username], input=(password + "\n").encode(), capture_output=True, timeout=60)
        if result.returncode != 0:
            raise RuntimeError("user add failed: %s" % result.stderr.decode())

    def login(self, username, password):
        """Logs in through the API: (cookie header value, csrf token)."""
        status, headers, body = self.json(
            "POST", "/api/v1/session", {"username": username, "password": password})
        if status != 200:
            raise AssertionError("login failed: %d %r" % (status, body))
        cookie = headers["set-cookie"].split(";", 1)[0]
        return cookie, body["csrf_token"]


def wait_until(predicate, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def main(test_globals):
    """The entry point of a test file: reads --binary into the file's
    BINARY and runs its tests; other arguments go to unittest."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args, rest = parser.parse_known_args()
    test_globals["BINARY"] = os.path.abspath(args.binary)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
