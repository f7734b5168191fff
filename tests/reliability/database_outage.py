#!/usr/bin/env python3
"""Database down and hung, under load, against a real `persona serve` (issue 16).

For the embedded cluster and for an external one (PERSONA_DATABASE_URL): while eight
clients read and write, PostgreSQL is stopped (external: for 5 s, then started again;
embedded: killed, and serve's supervisor restarts it), then every PostgreSQL process is
frozen with SIGSTOP for 10 s. Checks:
  - every answer is 2xx, or 503 problem+json with Retry-After — never another status,
    a dropped connection or a hang: each answers within the request budget plus slack;
  - /readyz answers 503 within 1 s while the database is frozen;
  - requests started 2 s after the database is back succeed;
  - afterwards the server's threads and file descriptors (pooled connections included)
    are back to their figures before the outage.
OUTAGE_TEST_OFF=1 gives the server a request budget of ten minutes (no deadline worth
the name): the freeze then hangs requests and the latency check fails.
Loopback and Unix sockets only; everything started is stopped, even on failure.
"""
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

PERSONA = sys.argv[1]
BUDGET_MS = 2000  # the request budget the checks hold the server to
SERVER_BUDGET_MS = 600000 if os.environ.get("OUTAGE_TEST_OFF") else BUDGET_MS
SLACK_S = 1.5  # scheduling under ASan on a busy 2-core machine
BINDIR = sorted(
    (d for d in os.listdir("/usr/lib/postgresql")), key=lambda v: [int(x) for x in v.split(".")]
)[-1]
BINDIR = f"/usr/lib/postgresql/{BINDIR}/bin"
failures = []
PERSONA_BODY = {
    "name": "Outage", "status": "active", "timezone": "UTC", "primary_location": "Manila",
    "demographics": {"age": 27, "gender": "female", "location": "Quezon City", "occupation": "nurse"},
    "personality": {"interests": ["food"], "communication_style": "warm"},
    "activity_schedule": {"posting_times": {"monday": ["08:30"]}, "posts_per_day": 2},
    "content_themes": {"topics": ["street food"], "hashtags": ["#Manila"]},
    "engagement_style": {"comment_frequency": "medium"},
}


def fail(message):
    failures.append(message)
    print("FAIL:", message, flush=True)


def as_postgres(args, **kw):
    if os.getuid() == 0:
        args = ["runuser", "-u", "postgres", "--"] + args
    return subprocess.run(args, check=True, stdout=subprocess.DEVNULL, **kw)


def postgres_pids(pgdata):
    """The postmaster of `pgdata` and its children."""
    with open(os.path.join(pgdata, "postmaster.pid")) as f:
        master = int(f.readline())
    pids = [master]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == master:
                        pids.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return pids


class Server:
    def __init__(self, data_dir, env):
        self.proc = subprocess.Popen(
            [PERSONA, "serve", "--data-dir", data_dir, "--listen", "127.0.0.1:0"],
            env=env, stdout=subprocess.PIPE, stderr=open(os.path.join(data_dir, "..", "serve.log"), "ab"), text=True)
        for line in self.proc.stdout:
            if line.startswith("listening on http://"):
                self.host, port = line.strip()[len("listening on http://"):].rsplit(":", 1)
                self.port = int(port)
                break
        else:
            raise RuntimeError("persona serve did not start")
        threading.Thread(target=lambda: [None for _ in self.proc.stdout], daemon=True).start()

    def request(self, method, path, body=None, headers=None, timeout=30):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers or {})
            res = conn.getresponse()
            return res.status, dict(res.getheaders()), res.read()
        finally:
            conn.close()

    def figures(self):
        pid = self.proc.pid
        threads = len(os.listdir(f"/proc/{pid}/task"))
        fds = len(os.listdir(f"/proc/{pid}/fd"))
        with open(f"/proc/{pid}/status") as f:
            rss = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
        return threads, fds, rss

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def sign_in(server, data_dir, env):
    email, password = "outage@example.com", "correct horse battery staple"
    subprocess.run([PERSONA, "user", "add", "--email", email, "--password-stdin", "--data-dir", data_dir],
                   input=password, text=True, env=env, check=True, stdout=subprocess.DEVNULL)
    status, headers, _ = server.request("POST", "/api/v1/auth/login", {"email": email, "password": password},
                                        {"Content-Type": "application/json"})
    assert status == 200, status
    cookie = headers["Set-Cookie"].split(";", 1)[0]
    origin = f"http://{server.host}:{server.port}"
    status, _, body = server.request("POST", "/api/v1/me/tokens", {"name": "outage"},
                                     {"Content-Type": "application/json", "Cookie": cookie, "Origin": origin})
    assert status == 201, (status, body)
    auth = {"Authorization": "Bearer " + json.loads(body)["token"], "Content-Type": "application/json"}
    status, _, body = server.request("POST", "/api/v1/personas", PERSONA_BODY, auth)
    assert status == 201, (status, body)
    return auth, json.loads(body)["id"]


def load(server, auth, persona_id, results, stop):
    kinds = [("GET", "/api/v1/personas", None), ("GET", f"/api/v1/personas/{persona_id}", None),
             ("POST", "/api/v1/activity", {"persona_id": persona_id, "activity_type": "comment",
                                           "platform_type": "instagram", "activity_data": {"target": "@x"}})]
    i = 0
    while not stop.is_set():
        method, path, body = kinds[i % len(kinds)]
        i += 1
        start = time.monotonic()
        try:
            status, headers, raw = server.request(method, path, body, auth, timeout=30)
        except Exception as e:  # a reset, a refusal or our own generous timeout: all are failures
            results.append((start, time.monotonic(), None, repr(e)))
            continue
        note = ""
        if status == 503:
            if "Retry-After" not in headers or not headers.get("Content-Type", "").startswith("application/problem+json"):
                note = "503 without Retry-After or problem+json"
        results.append((start, time.monotonic(), status, note))
        if status == 503:
            time.sleep(0.05)


def timed_readyz(server):
    start = time.monotonic()
    try:
        status, _, _ = server.request("GET", "/readyz", timeout=10)
    except Exception as e:
        status = repr(e)
    return status, time.monotonic() - start


def run(mode, work):
    print(f"== {mode} ==", flush=True)
    data_dir = os.path.join(work, mode, "data")
    os.makedirs(data_dir)
    env = dict(os.environ, PERSONA_DB_REQUEST_TIMEOUT_MS=str(SERVER_BUDGET_MS), PERSONA_PROXY_CHECK_INTERVAL="0",
               PERSONA_LOG_LEVEL="warn")
    cluster = None
    if mode == "external":
        cluster = os.path.join(work, mode, "pg")
        os.makedirs(cluster)
        if os.getuid() == 0:
            shutil.chown(cluster, "postgres")
            os.chmod(work, 0o711)
            os.chmod(os.path.join(work, mode), 0o711)
        as_postgres([f"{BINDIR}/initdb", "-D", f"{cluster}/data", "-U", "postgres", "--auth=trust", "--no-sync",
                     "-E", "UTF8", "--locale=C"])
        pg_opts = f"-c listen_addresses='' -k {cluster} -c fsync=off"
        as_postgres([f"{BINDIR}/pg_ctl", "-D", f"{cluster}/data", "-l", f"{cluster}/log", "-w", "-o", pg_opts, "start"])
        env["PERSONA_DATABASE_URL"] = f"postgresql://postgres@/postgres?host={cluster}"
        pgdata = f"{cluster}/data"
    else:
        pgdata = os.path.join(data_dir, "postgres")
    server = Server(data_dir, env)
    try:
        auth, persona_id = sign_in(server, data_dir, env)
        time.sleep(1)
        before = server.figures()
        results, stop = [], threading.Event()
        clients = [threading.Thread(target=load, args=(server, auth, persona_id, results, stop)) for _ in range(8)]
        for c in clients:
            c.start()
        time.sleep(2)

        # Down: stopped (external, 5 s) or killed (embedded: serve restarts it).
        if mode == "external":
            as_postgres([f"{BINDIR}/pg_ctl", "-D", pgdata, "-m", "fast", "-w", "stop"])
            time.sleep(5)
            as_postgres([f"{BINDIR}/pg_ctl", "-D", pgdata, "-l", f"{cluster}/log", "-w", "-o", pg_opts, "start"])
            back_after_down = time.monotonic()
        else:
            old = postgres_pids(pgdata)[0]
            os.kill(old, signal.SIGKILL)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    if postgres_pids(pgdata)[0] != old and server.request("GET", "/readyz")[0] == 200:
                        break
                except (OSError, ValueError):
                    pass
                time.sleep(0.05)
            back_after_down = time.monotonic()
        time.sleep(3)

        # Hung: every PostgreSQL process frozen for 10 s.
        frozen = postgres_pids(pgdata)
        for pid in frozen:
            os.kill(pid, signal.SIGSTOP)
        freeze_start = time.monotonic()
        time.sleep(3)
        ready_status, ready_seconds = timed_readyz(server)
        time.sleep(7 - (time.monotonic() - freeze_start - 3))
        for pid in frozen:
            os.kill(pid, signal.SIGCONT)
        back_after_freeze = time.monotonic()
        time.sleep(4)
        stop.set()
        for c in clients:
            c.join()

        # Checks.
        bound = BUDGET_MS / 1000 + SLACK_S
        statuses = {}
        for start, end, status, note in results:
            statuses[status] = statuses.get(status, 0) + 1
            if status is None:
                fail(f"{mode}: a request got no answer: {note}")
            elif not (200 <= status < 300 or status == 503):
                fail(f"{mode}: a request answered {status}")
            elif note:
                fail(f"{mode}: {note}")
            if end - start > bound:
                fail(f"{mode}: a request took {end - start:.1f} s (bound {bound:.1f} s)")
        slowest = max(end - start for start, end, _, _ in results)
        print(f"{mode}: {len(results)} requests {statuses}; slowest {slowest:.2f} s (bound {bound:.1f} s)", flush=True)
        if ready_status != 503 or ready_seconds > 1.0:
            fail(f"{mode}: /readyz while frozen answered {ready_status} after {ready_seconds:.2f} s")
        print(f"{mode}: /readyz while frozen: {ready_status} in {ready_seconds:.2f} s", flush=True)
        windows = ((back_after_down, freeze_start, "down"), (back_after_freeze, float("inf"), "freeze"))
        for back, next_fault, what in windows:
            # Started 2 s after the database returned, and ended before the next fault.
            late = [r for r in results
                    if back + 2 <= r[0] and r[1] < next_fault and not (r[2] and 200 <= r[2] < 300)]
            if late:
                fail(f"{mode}: {len(late)} requests started 2 s after the {what} ended did not succeed")
            first_ok = min((r[1] for r in results if r[0] >= back and r[2] and 200 <= r[2] < 300), default=None)
            print(f"{mode}: after the {what}, first success "
                  f"{'none' if first_ok is None else f'{first_ok - back:.2f} s'} after the database returned",
                  flush=True)
        if server.request("GET", "/readyz")[0] != 200:
            fail(f"{mode}: /readyz is not 200 after the outage")

        time.sleep(1)
        after = server.figures()
        print(f"{mode}: threads {before[0]} -> {after[0]}, fds {before[1]} -> {after[1]}, "
              f"RSS {before[2] // 1024} -> {after[2] // 1024} MiB", flush=True)
        if after[0] != before[0]:
            fail(f"{mode}: threads {before[0]} before, {after[0]} after")
        # Each pooled connection is one descriptor; the pool may hold up to its size.
        if after[1] > before[1] + 16:
            fail(f"{mode}: file descriptors {before[1]} before, {after[1]} after")
        if server.proc.poll() is not None:
            fail(f"{mode}: persona serve exited ({server.proc.returncode})")
    finally:
        server.stop()
        if cluster:
            subprocess.run(["runuser", "-u", "postgres", "--"] * (os.getuid() == 0) +
                           [f"{BINDIR}/pg_ctl", "-D", f"{cluster}/data", "-m", "immediate", "-w", "stop"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    work = tempfile.mkdtemp(prefix="persona-outage-")
    try:
        for mode in ("external", "embedded"):
            run(mode, work)
    finally:
        if not failures:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"logs kept in {work}", flush=True)
    if failures:
        print(f"{len(failures)} failures", flush=True)
        sys.exit(1)
    print("database outage: all checks passed", flush=True)


if __name__ == "__main__":
    main()
