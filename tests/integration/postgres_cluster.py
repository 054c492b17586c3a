"""A throwaway PostgreSQL server for tests, in a temporary directory.

    with PostgresCluster() as pg:
        url = pg.create_database("newsroom")   # postgresql:///newsroom?host=…
        pg.restart()

Or, as ctest's `postgres` fixture (one server for the whole test run):

    postgres_cluster.py start --url-file build/test-tmp/postgres.url
    postgres_cluster.py stop --url-file build/test-tmp/postgres.url

(fsync off: the tests' server never outlives a crash of the machine, and
creating a database per test is then cheap.)

Debian's initdb and pg_ctl (postgresql-15) make and run the cluster; the
server listens only on a Unix socket in its own directory, so it never
collides with another server or takes a port. PostgreSQL refuses to run as
root: as root, the cluster is made and run as the `postgres` user (which
Debian's package creates). A watchdog stops the server and removes its
directory when the process that started it (the test, or ctest) is gone,
so nothing is left running after a run, whether it passed, failed or was
killed. Only the Python standard library is used.
"""

import argparse
import glob
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time


def _bindir():
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(candidate, "pg_ctl")):
            return candidate
    found = shutil.which("pg_ctl")
    if found:
        return os.path.dirname(found)
    raise RuntimeError("PostgreSQL's server is not installed (Debian: "
                       "apt-get install postgresql; scripts/install-deps.sh "
                       "does it)")


class PostgresCluster:
    def __init__(self, root=None, fsync=True, watch_pid=None):
        self.bindir = _bindir()
        self.root = root
        self.fsync = fsync
        self.watch_pid = watch_pid if watch_pid is not None else os.getpid()
        self.port = 5432  # names the socket file only: no TCP
        self.as_postgres = os.geteuid() == 0

    # --- paths ------------------------------------------------------------
    @property
    def data(self):
        return os.path.join(self.root, "data")

    @property
    def socket_dir(self):
        return self.root

    def url(self, dbname="postgres"):
        user = "postgres" if self.as_postgres else pwd.getpwuid(os.geteuid()).pw_name
        return "postgresql:///%s?host=%s&port=%d&user=%s" % (
            dbname, self.socket_dir, self.port, user)

    # --- running commands as the cluster's owner ---------------------------
    def _run(self, args, check=True, **kw):
        cmd = [os.path.join(self.bindir, args[0])] + list(args[1:])
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--"] + cmd
        return subprocess.run(cmd, check=check, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, **kw)

    # --- life cycle --------------------------------------------------------
    def start(self):
        if self.root is None:
            # Short, so that the socket path fits in sun_path (108 bytes).
            self.root = tempfile.mkdtemp(prefix="newsroom-pg-", dir="/tmp")
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        os.chmod(self.root, 0o755)
        if not os.path.exists(os.path.join(self.data, "PG_VERSION")):
            self._run(["initdb", "-D", self.data, "--auth=trust", "-U",
                       "postgres" if self.as_postgres else
                       pwd.getpwuid(os.geteuid()).pw_name,
                       "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"])
        self._start_server()
        self._start_watchdog()
        return self

    def _start_server(self):
        options = ("-c listen_addresses='' -k %s -p %d -c fsync=%s "
                   "-c max_connections=200 -c shared_buffers=64MB "
                   "-c log_min_messages=warning" % (
                       self.socket_dir, self.port, "on" if self.fsync else "off"))
        self._run(["pg_ctl", "start", "-w", "-t", "60", "-D", self.data,
                   "-l", os.path.join(self.root, "server.log"), "-o", options])

    def _start_watchdog(self):
        # Runs on its own (new session), so that it outlives the starter
        # and stops the server once the watched process is gone.
        script = ("while kill -0 %d 2>/dev/null; do sleep 1; done; "
                  "%s; rm -rf %s" % (
                      self.watch_pid, self._stop_command(), self.root))
        subprocess.Popen(["sh", "-c", script], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True, close_fds=True)

    def _stop_command(self):
        cmd = "%s stop -m immediate -D %s" % (
            os.path.join(self.bindir, "pg_ctl"), self.data)
        if self.as_postgres:
            cmd = "runuser -u postgres -- " + cmd
        return cmd + " >/dev/null 2>&1"

    def stop(self, mode="fast", remove=True):
        if self.root is None:
            return
        if os.path.exists(os.path.join(self.data, "postmaster.pid")):
            self._run(["pg_ctl", "stop", "-w", "-m", mode, "-D", self.data],
                      check=False)
        if remove:
            shutil.rmtree(self.root, ignore_errors=True)

    def restart(self, down_seconds=0.0):
        self._run(["pg_ctl", "stop", "-w", "-m", "fast", "-D", self.data])
        if down_seconds:
            time.sleep(down_seconds)
        self._start_server()

    def psql(self, sql, dbname="postgres"):
        args = [os.path.join(self.bindir, "psql"), "-X", "-q", "-A", "-t",
                "-v", "ON_ERROR_STOP=1", "-d", self.url(dbname), "-c", sql]
        out = subprocess.run(args, check=True, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        return out.stdout.decode().strip()

    def create_database(self, name):
        self.psql("CREATE DATABASE %s TEMPLATE template0" % name)
        return self.url(name)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("--fsync", choices=["on", "off"], default="off",
                        help="off (the default) for tests; on for figures "
                             "that must include durable commits")
    parser.add_argument("--url-file", required=True,
                        help="where start writes the server's URL (and its "
                             "directory, on the second line) and stop reads it")
    args = parser.parse_args()
    if args.action == "start":
        # Watch ctest (our parent): the server lives as long as the run.
        cluster = PostgresCluster(fsync=args.fsync == "on",
                                  watch_pid=os.getppid())
        try:
            cluster.start()
        except subprocess.CalledProcessError as e:
            sys.stderr.write(e.stdout.decode(errors="replace"))
            cluster.stop()
            return 1
        os.makedirs(os.path.dirname(os.path.abspath(args.url_file)), exist_ok=True)
        with open(args.url_file, "w") as f:
            f.write(cluster.url() + "\n" + cluster.root + "\n")
        print("PostgreSQL for tests at " + cluster.url())
        return 0
    try:
        with open(args.url_file) as f:
            lines = f.read().split("\n")
    except FileNotFoundError:
        return 0
    cluster = PostgresCluster(root=lines[1])
    cluster.stop(mode="immediate")
    os.remove(args.url_file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
