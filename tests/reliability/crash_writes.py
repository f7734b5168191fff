#!/usr/bin/env python3
"""The client of tests/reliability/crash_writes.sh (docs/reliability.md, "Crash safety").

  crash_writes.py setup   --base URL --email E --password-file F --state STATE
  crash_writes.py writes  --base URL --state STATE --outcomes FILE --postmaster PID --server PGID
  crash_writes.py verify  --base URL --state STATE --outcomes FILE
  crash_writes.py run     --pid-file FILE -- COMMAND…

setup creates what the writes need (personas with work sessions, accounts, templates,
drafts, published posts) and an API token; every setup write must succeed. writes sends
1 000 writes of mixed kinds from many threads at once, each exactly once (never retried),
SIGKILLs every PostgreSQL process and the server once half of them have answered (the WAL
writer paused before, see cmd_writes), and records every
write's outcome (2xx, other status, connection error) as one JSON line. verify runs after
the restart: every acknowledged write is there (over the API and in the tables), nothing is
half-applied (each change's activity row, every counter against the rows it counts), and
the restarted server takes new writes. It reads the tables with psql ($PSQL, else from
PATH; PGHOST etc. set by the caller). Exit 0 when everything holds, 1 otherwise (each problem printed).

run starts COMMAND (persona serve) in a session of its own and stays its parent as a child
subreaper: the postmaster that COMMAND started is reaped here once both are killed. Where
pid 1 reaps no orphans (some containers), the killed postmaster would otherwise stay a
zombie holding its pid, and PostgreSQL refuses to start while postmaster.pid names a live
pid. run exits with COMMAND's status (128 + signal when killed) once every child is gone,
and passes SIGTERM and SIGINT on to COMMAND.

Only the standard library: threads and http.client.
"""
import argparse
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

KINDS = {  # kind: how many of the 1 000 writes
    "persona_create": 60,
    "account_create": 100,
    "post_create": 250,
    "publish": 200,
    "engagement": 150,
    "activity": 240,
}
WINDOWS = ("immediate", "daily", "weekly")
PLATFORMS = ("twitter", "instagram", "tiktok", "linkedin")
ACTIONS = ("like", "comment", "follow", "share", "reply", "story_view", "save")
TIMEZONES = ("Asia/Manila", "UTC", "America/New_York", "Europe/Berlin")
SETUP_PERSONAS = 4
ACCOUNTS_PER_PERSONA = 2
PUBLISH_TARGETS = KINDS["publish"]
ENGAGEMENT_TARGETS = KINDS["engagement"] // len(WINDOWS)


def persona_body(name, timezone):
    return {
        "name": name,
        "status": "active",
        "demographics": {"age": 27, "gender": "female", "location": "Quezon City", "occupation": "nurse"},
        "personality": {"interests": ["food", "travel"], "communication_style": "warm"},
        "primary_location": "Manila",
        "timezone": timezone,
        "activity_schedule": {"posting_times": {"monday": ["08:30", "19:00"]}, "posts_per_day": 2},
        "content_themes": {"topics": ["street food"], "hashtags": ["#Manila"]},
        "engagement_style": {"comment_frequency": "medium"},
    }


class Api:
    """One keep-alive HTTP connection; a failed request closes it and raises."""

    def __init__(self, base, token=None, timeout=30):
        url = urllib.parse.urlsplit(base)
        self.host, self.port, self.timeout = url.hostname, url.port, timeout
        self.token = token
        self.conn = None

    def call(self, method, path, body=None, headers=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        h = {"Accept": "application/json"}
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        try:
            self.conn.request(method, path, body=data, headers=h)
            res = self.conn.getresponse()
            raw = res.read()
        except Exception:
            self.conn.close()
            self.conn = None
            raise
        if res.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return res.status, parsed, res


_local = threading.local()


def thread_api(base, token):
    if getattr(_local, "api", None) is None:
        _local.api = Api(base, token)
    return _local.api


def must(status, body, want, what):
    if status != want:
        raise SystemExit(f"crash_writes: setup: {what} answered {status}: {json.dumps(body)[:300]}")
    return body


# ---------------------------------------------------------------------------------------
def cmd_setup(a):
    api = Api(a.base)
    password = open(a.password_file).read().strip()
    status, body, res = api.call("POST", "/api/v1/auth/login", {"email": a.email, "password": password})
    must(status, body, 200, "login")
    cookie = res.getheader("Set-Cookie").split(";", 1)[0]
    status, body, _ = api.call("POST", "/api/v1/me/tokens", {"name": "crash test"},
                               {"Cookie": cookie, "Origin": a.base})
    token = must(status, body, 201, "POST /me/tokens")["token"]

    def post(path, body, want=201):
        status, out, _ = thread_api(a.base, token).call("POST", path, body)
        return must(status, out, want, "POST " + path)

    with ThreadPoolExecutor(8) as pool:
        personas = [p["id"] for p in pool.map(
            lambda i: post("/api/v1/personas", persona_body(f"crash-setup-persona-{i}", TIMEZONES[i])),
            range(SETUP_PERSONAS))]
        # Work sessions on half the personas: actions and publications are counted there.
        sessions = [post(f"/api/v1/personas/{personas[i]}/sessions", {"active_platforms": ["twitter"]})["id"]
                    for i in range(SETUP_PERSONAS // 2)]
        templates = [post("/api/v1/templates", {
            "template_name": f"crash template {i}", "content_type": "text",
            "template_text": "Morning in {{persona.primary_location}} " + str(i),
            "target_platforms": list(PLATFORMS)})["id"] for i in range(2)]
        accounts = [post(f"/api/v1/personas/{personas[i // ACCOUNTS_PER_PERSONA]}/accounts", {
            "platform_type": PLATFORMS[i % ACCOUNTS_PER_PERSONA], "username": f"crash_setup_{i}",
            "credentials": "not a real password", "daily_post_limit": 1000})["id"]
            for i in range(SETUP_PERSONAS * ACCOUNTS_PER_PERSONA)]

        def draft(k):
            body = {"platform_account_id": accounts[k % len(accounts)], "final_content": f"crash setup post {k}"}
            if k % 3 != 2:
                body["content_template_id"] = templates[k % 3]
            return post("/api/v1/posts", body)["id"]

        drafts = list(pool.map(draft, range(PUBLISH_TARGETS + ENGAGEMENT_TARGETS)))
        published = drafts[PUBLISH_TARGETS:]
        list(pool.map(lambda p: post(f"/api/v1/posts/{p}/publish", {"platform_post_id": f"crash-setup-{p}"}, 200),
                      published))
    state = {"token": token, "personas": personas, "sessions": sessions, "templates": templates,
             "accounts": accounts, "publish_targets": drafts[:PUBLISH_TARGETS], "published": published}
    with open(a.state, "w") as f:
        json.dump(state, f)
    print(f"crash_writes: setup: {len(personas)} personas, {len(sessions)} sessions, {len(accounts)} accounts, "
          f"{len(templates)} templates, {len(drafts)} posts ({len(published)} published)")


# ---------------------------------------------------------------------------------------
def plan_writes(state, seed):
    """The 1 000 writes, each {n, kind, method, path, body, tag, target}, in a seeded random order."""
    rng = random.Random(seed)
    writes = []

    def add(kind, method, path, body, tag, target=None):
        writes.append({"kind": kind, "method": method, "path": path, "body": body, "tag": tag, "target": target})

    for i in range(KINDS["persona_create"]):
        tag = f"crash-persona-{i}"
        add("persona_create", "POST", "/api/v1/personas", persona_body(tag, TIMEZONES[i % len(TIMEZONES)]), tag)
    for i in range(KINDS["account_create"]):
        persona = state["personas"][i % len(state["personas"])]
        tag = f"crash_acct_{i}"
        add("account_create", "POST", f"/api/v1/personas/{persona}/accounts",
            {"platform_type": PLATFORMS[i % len(PLATFORMS)], "username": tag, "credentials": "not real"}, tag)
    for i in range(KINDS["post_create"]):
        tag = f"crash post {i}"
        body = {"platform_account_id": state["accounts"][i % len(state["accounts"])], "final_content": tag}
        if i % 2 == 0:
            body["content_template_id"] = state["templates"][i % 4 // 2]
        add("post_create", "POST", "/api/v1/posts", body, tag)
    for i, post in enumerate(state["publish_targets"]):
        tag = f"crash-pub-{i}"
        add("publish", "POST", f"/api/v1/posts/{post}/publish", {"platform_post_id": tag}, tag, post)
    for i in range(KINDS["engagement"]):
        post = state["published"][i % len(state["published"])]
        window = WINDOWS[i // len(state["published"])]
        # likes names the write: a stored snapshot says which write it came from.
        add("engagement", "PUT", f"/api/v1/posts/{post}/engagement/{window}",
            {"likes": 1000 + i, "comments": i % 7, "views": 10000 + i}, 1000 + i, [post, window])
    for i in range(KINDS["activity"]):
        persona = state["personas"][i % len(state["personas"])]
        add("activity", "POST", "/api/v1/activity",
            {"persona_id": persona, "activity_type": ACTIONS[i % len(ACTIONS)],
             "platform_type": PLATFORMS[i % len(PLATFORMS)], "activity_data": {"crash_write": i}}, i, persona)
    rng.shuffle(writes)
    for n, w in enumerate(writes):
        w["n"] = n
    return writes


def children_of(postmaster):
    """{pid: command line} of the postmaster's child processes (its backends and workers)."""
    out = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read()
        except (OSError, ValueError, IndexError):
            continue
        if ppid == postmaster:
            out[int(entry)] = cmdline
    return out


def cmd_writes(a):
    state = json.load(open(a.state))
    writes = plan_writes(state, a.seed)
    # A SIGKILL keeps what PostgreSQL has handed to the kernel; a power cut keeps only what
    # was fsynced. The WAL writer is what writes (and every 200 ms fsyncs) commits that did
    # not wait for their WAL; paused, it leaves them in shared memory, where the SIGKILL
    # loses them as a power cut would. A commit that waits for its WAL (synchronous_commit,
    # the default) writes and fsyncs it itself, so this costs the safe server nothing.
    walwriters = [pid for pid, cmd in children_of(a.postmaster).items() if cmd.startswith(b"postgres: walwriter")]
    if len(walwriters) != 1:
        raise SystemExit(f"crash_writes: no walwriter process under the postmaster (pid {a.postmaster})")
    walwriter = walwriters[0]
    os.kill(walwriter, signal.SIGSTOP)
    print(f"crash_writes: paused the WAL writer (pid {walwriter}) until the kill", flush=True)
    lock = threading.Lock()
    answered = 0
    killed_at = None
    next_write = iter(writes)

    def kill():
        nonlocal killed_at
        killed_at = time.time()  # from here on, an answer may come from a dying server
        # Every PostgreSQL process, then the server: the server's death would send the
        # postmaster SIGINT (a clean shutdown), and each backend leads a process group of its
        # own, so that a signal to the postmaster's group would miss them. The postmaster
        # goes first, so that it restarts nothing.
        victims = [a.postmaster] + list(children_of(a.postmaster)) if a.kill == "all" else []
        if a.kill == "server":
            os.kill(walwriter, signal.SIGCONT)  # the cluster's clean shutdown waits for it
        for pid in victims:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            os.killpg(a.server, signal.SIGKILL)
        except ProcessLookupError:
            pass
        what = f"the postmaster, its {len(victims) - 1} children and " if victims else ""
        print(f"crash_writes: SIGKILL to {what}the server's process group after {answered} answers", flush=True)

    def worker():
        nonlocal answered
        api = Api(a.base, state["token"], timeout=a.timeout)
        while True:
            with lock:
                w = next(next_write, None)
            if w is None:
                return
            w["sent_at"] = time.time()
            try:
                status, body, _ = api.call(w["method"], w["path"], w["body"])
                w["status"] = status
                w["outcome"] = "2xx" if 200 <= status < 300 else "other"
                if w["outcome"] == "2xx":
                    w["id"] = (body or {}).get("id")
                else:
                    w["detail"] = json.dumps(body)[:300]
            except Exception as e:  # refused, reset, cut mid-answer: not acknowledged
                w["outcome"] = "connection_error"
                w["detail"] = f"{type(e).__name__}: {e}"
            w["done_at"] = time.time()
            with lock:
                answered += 1
                if answered == a.kill_after and killed_at is None:
                    kill()

    started = time.time()
    threads = [threading.Thread(target=worker) for _ in range(a.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if killed_at is None:
        kill()
    with open(a.outcomes, "w") as f:
        for w in writes:
            w["in_flight_at_kill"] = w["sent_at"] < killed_at <= w["done_at"]
            w["after_kill"] = w["sent_at"] >= killed_at
            f.write(json.dumps(w) + "\n")
    by = {}
    for w in writes:
        by[w["outcome"]] = by.get(w["outcome"], 0) + 1
    before = [w for w in writes if w["done_at"] < killed_at and w["outcome"] != "2xx"]
    print(f"crash_writes: {len(writes)} writes from {a.threads} threads in {time.time() - started:.1f} s: "
          + ", ".join(f"{k} {v}" for k, v in sorted(by.items()))
          + f"; in flight at the kill {sum(w['in_flight_at_kill'] for w in writes)}, "
          f"sent after it {sum(w['after_kill'] for w in writes)}")
    for w in before:  # the server was up: a refusal here is a bug, not the crash
        print(f"crash_writes: FAIL: write {w['n']} ({w['kind']}) answered {w.get('status')} before the kill: "
              f"{w.get('detail')}")
    return 1 if before else 0


# ---------------------------------------------------------------------------------------
def psql_json(sql):
    """One JSON value computed by `sql` (PGHOST, PGUSER, … from the environment)."""
    out = subprocess.run([os.environ.get("PSQL", "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out) if out.strip() else None


# Each: a name and a query listing what breaks the rule (empty: it holds). Counters and
# derived values against the rows they count, and every change against its activity row.
INVARIANTS = [
    ("personas.total_posts and last_active = their published posts", """
        SELECT p.id, p.total_posts, p.last_active, c.n, c.last FROM personas p
        LEFT JOIN LATERAL (SELECT count(*) AS n, max(published_manually_at) AS last FROM manual_posts m
                           WHERE m.persona_id = p.id AND m.published_manually_at IS NOT NULL) c ON true
        WHERE p.total_posts <> c.n OR p.last_active IS DISTINCT FROM c.last"""),
    ("platform_accounts.daily_posts_count and last_post_at = their published posts", """
        SELECT a.id, a.daily_posts_count, a.daily_count_date, c.n, a.last_post_at, c.last
        FROM platform_accounts a JOIN personas p ON p.id = a.persona_id
        LEFT JOIN LATERAL (
            SELECT count(*) FILTER (WHERE (m.published_manually_at AT TIME ZONE p.timezone)::date
                                    = a.daily_count_date) AS n,
                   count(*) AS total, max(m.published_manually_at) AS last
            FROM manual_posts m WHERE m.platform_account_id = a.id AND m.published_manually_at IS NOT NULL) c ON true
        WHERE (c.total = 0 AND (a.daily_posts_count <> 0 OR a.daily_count_date IS NOT NULL))
           OR (c.total > 0 AND a.daily_posts_count <> c.n) OR a.last_post_at IS DISTINCT FROM c.last"""),
    # success_rate: the share of measured posts at or above domain::kSuccessfulEffectiveness (2.0).
    ("content_templates.usage_count = its published posts; success_rate = its measured posts", """
        SELECT t.id, t.usage_count, t.success_rate FROM content_templates t
        WHERE t.usage_count <> (SELECT count(*) FROM manual_posts m
                                WHERE m.content_template_id = t.id AND m.published_manually_at IS NOT NULL)
           OR t.success_rate <> COALESCE((SELECT round(100.0 * count(*) FILTER (WHERE m.template_effectiveness >= 2.0)
                                                       / count(*), 2)
                                          FROM manual_posts m WHERE m.content_template_id = t.id
                                            AND m.template_effectiveness IS NOT NULL HAVING count(*) > 0), 0)"""),
    ("persona_sessions.actions_performed and content_posted = the actions and publications in them", """
        SELECT s.id, s.actions_performed, s.content_posted FROM persona_sessions s
        WHERE s.actions_performed <> (SELECT count(*) FROM activity_logs l
                                      WHERE l.session_id = s.id AND l.source = 'manual')
           OR s.content_posted <> (SELECT count(*) FROM manual_posts m
                                   WHERE m.session_id = s.id AND m.published_manually_at IS NOT NULL)"""),
    ("persona_action_rates (minute and hour counters) = the manual actions logged", """
        WITH actions AS (
            SELECT persona_id, floor(extract(epoch FROM created_at) / 60)::bigint AS minute FROM activity_logs
            WHERE source = 'manual' AND persona_id IS NOT NULL),
        by_minute AS (SELECT persona_id, minute, count(*) AS n FROM actions GROUP BY 1, 2),
        by_hour AS (SELECT persona_id, minute / 60 AS hour, count(*) AS n FROM actions GROUP BY 1, 2)
        SELECT 'minute' AS counter, b.persona_id, b.minute, b.n,
               r.minute_slots[b.minute % 60 + 1], r.minute_counts[b.minute % 60 + 1]
        FROM by_minute b LEFT JOIN persona_action_rates r USING (persona_id)
        WHERE r.minute_slots[b.minute % 60 + 1] IS DISTINCT FROM b.minute
           OR r.minute_counts[b.minute % 60 + 1] IS DISTINCT FROM b.n::integer
        UNION ALL
        SELECT 'hour', b.persona_id, b.hour, b.n, r.hour_slots[b.hour % 170 + 1], r.hour_counts[b.hour % 170 + 1]
        FROM by_hour b LEFT JOIN persona_action_rates r USING (persona_id)
        WHERE r.hour_slots[b.hour % 170 + 1] IS DISTINCT FROM b.hour
           OR r.hour_counts[b.hour % 170 + 1] IS DISTINCT FROM b.n::integer
        UNION ALL
        SELECT 'total', r.persona_id, NULL, (SELECT count(*) FROM actions x WHERE x.persona_id = r.persona_id),
               NULL, (SELECT sum(c) FROM unnest(r.hour_counts) c)
        FROM persona_action_rates r
        WHERE (SELECT sum(c) FROM unnest(r.hour_counts) c) <> (SELECT count(*) FROM actions x
                                                               WHERE x.persona_id = r.persona_id)"""),
    ("personas.risk_score = persona_risk_score(id)", """
        SELECT id, risk_score, persona_risk_score(id) FROM personas WHERE risk_score <> persona_risk_score(id)"""),
    ("each persona has its one persona_create activity row, and no such row lacks its persona", """
        SELECT p.id, count(l.id) FROM personas p
        LEFT JOIN activity_logs l ON l.activity_type = 'persona_create' AND l.activity_data->>'persona_id' = p.id::text
        GROUP BY p.id HAVING count(l.id) <> 1
        UNION ALL
        SELECT l.persona_id, -1 FROM activity_logs l WHERE l.activity_type = 'persona_create'
          AND NOT EXISTS (SELECT 1 FROM personas p WHERE p.id::text = l.activity_data->>'persona_id')"""),
    ("each account has its one account_create activity row, and no such row lacks its account", """
        SELECT a.id, count(l.id) FROM platform_accounts a
        LEFT JOIN activity_logs l ON l.activity_type = 'account_create' AND l.activity_data->>'account_id' = a.id::text
        GROUP BY a.id HAVING count(l.id) <> 1
        UNION ALL
        SELECT l.persona_id, -1 FROM activity_logs l WHERE l.activity_type = 'account_create'
          AND NOT EXISTS (SELECT 1 FROM platform_accounts a WHERE a.id::text = l.activity_data->>'account_id')"""),
    ("each post has one post_create row; a published one one post_publish row (an unpublished none)", """
        SELECT m.id, m.published_manually_at IS NOT NULL,
               count(*) FILTER (WHERE l.activity_type = 'post_create'),
               count(*) FILTER (WHERE l.activity_type = 'post_publish')
        FROM manual_posts m LEFT JOIN activity_logs l ON l.activity_data->>'post_id' = m.id::text
        GROUP BY m.id
        HAVING count(*) FILTER (WHERE l.activity_type = 'post_create') <> 1
            OR count(*) FILTER (WHERE l.activity_type = 'post_publish')
               <> (m.published_manually_at IS NOT NULL)::int
        UNION ALL
        SELECT NULL, NULL, NULL, count(*) FROM activity_logs l
        WHERE l.activity_type IN ('post_create', 'post_publish')
          AND NOT EXISTS (SELECT 1 FROM manual_posts m WHERE m.id::text = l.activity_data->>'post_id')
        HAVING count(*) > 0"""),
    ("each engagement window recorded has its post_engagement row (each window is written once)", """
        SELECT m.id, w.name, w.filled, count(l.id) FROM manual_posts m
        CROSS JOIN LATERAL (VALUES ('immediate', m.immediate_engagement ? 'metrics'),
                                   ('daily', m.daily_engagement ? 'metrics'),
                                   ('weekly', m.weekly_engagement ? 'metrics')) w(name, filled)
        LEFT JOIN activity_logs l ON l.activity_type = 'post_engagement'
             AND l.activity_data->>'post_id' = m.id::text AND l.activity_data->>'window' = w.name
        GROUP BY m.id, w.name, w.filled HAVING count(l.id) <> w.filled::int"""),
    ("each published post's platform_post_id is in its post_publish row", """
        SELECT m.id FROM manual_posts m WHERE m.published_manually_at IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM activity_logs l WHERE l.activity_type = 'post_publish'
              AND l.activity_data->>'post_id' = m.id::text
              AND l.activity_data->>'platform_post_id' = m.platform_post_id)"""),
    ("each burst security event names an activity row that exists", """
        SELECT e.id FROM security_events e WHERE e.event_type = 'suspicious_activity'
          AND NOT EXISTS (SELECT 1 FROM activity_logs l WHERE l.id::text = e.event_data->>'activity_id')"""),
]


def sabotage(state):
    """Breaks each invariant on one row, behind the server's back (CRASH_TEST_SABOTAGE=1):
    verify must then name every invariant, which shows that none of them holds vacuously."""
    p, acc, tpl, ses = state["personas"], state["accounts"], state["templates"], state["sessions"]
    pub = state["published"]
    subprocess.run([os.environ.get("PSQL", "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", f"""
        UPDATE personas SET total_posts = total_posts + 1 WHERE id = '{p[0]}';
        UPDATE platform_accounts SET daily_posts_count = daily_posts_count + 1 WHERE id = '{acc[0]}';
        UPDATE content_templates SET usage_count = usage_count + 1 WHERE id = '{tpl[0]}';
        UPDATE persona_sessions SET actions_performed = actions_performed + 1 WHERE id = '{ses[0]}';
        UPDATE persona_action_rates SET hour_counts[1] = hour_counts[1] + 1 WHERE persona_id = '{p[1]}';
        UPDATE personas SET risk_score = CASE WHEN risk_score < 0.5 THEN risk_score + 0.5 ELSE risk_score - 0.5 END
        WHERE id = '{p[1]}';
        DELETE FROM activity_logs WHERE activity_type = 'persona_create' AND activity_data->>'persona_id' = '{p[2]}';
        DELETE FROM activity_logs WHERE activity_type = 'account_create' AND activity_data->>'account_id' = '{acc[1]}';
        DELETE FROM activity_logs WHERE activity_type = 'post_publish' AND activity_data->>'post_id' = '{pub[0]}';
        DELETE FROM activity_logs WHERE id = (SELECT id FROM activity_logs WHERE activity_type = 'post_engagement'
                                              LIMIT 1);
        UPDATE manual_posts SET platform_post_id = 'tampered' WHERE id = '{pub[1]}';
        UPDATE security_events SET event_data = jsonb_set(event_data, '{{activity_id}}',
                                                          '"00000000-0000-0000-0000-000000000000"')
        WHERE id = (SELECT id FROM security_events WHERE event_type = 'suspicious_activity' LIMIT 1);
        """], check=True)
    print("crash_writes: SABOTAGE: one row broken for each invariant; verify is expected to name all of them")


def cmd_verify(a):
    state = json.load(open(a.state))
    writes = [json.loads(line) for line in open(a.outcomes)]
    problems = []
    t0 = time.time()
    if a.sabotage:
        sabotage(state)

    # What the tables hold, keyed by each write's tag.
    personas = {r["name"]: r["id"] for r in psql_json(
        "SELECT COALESCE(json_agg(json_build_object('id', id, 'name', name)), '[]') FROM personas")}
    accounts = {r["username"]: r["id"] for r in psql_json(
        "SELECT COALESCE(json_agg(json_build_object('id', id, 'username', username)), '[]') FROM platform_accounts")}
    posts = {r["id"]: r for r in psql_json(
        "SELECT COALESCE(json_agg(json_build_object('id', id, 'final_content', final_content,"
        " 'platform_post_id', platform_post_id, 'published', published_manually_at IS NOT NULL,"
        " 'immediate', immediate_engagement->'metrics'->'likes', 'daily', daily_engagement->'metrics'->'likes',"
        " 'weekly', weekly_engagement->'metrics'->'likes')), '[]') FROM manual_posts")}
    posts_by_content = {p["final_content"]: p["id"] for p in posts.values()}
    actions = {r["n"]: r["id"] for r in psql_json(
        "SELECT COALESCE(json_agg(json_build_object('id', id, 'n', (activity_data->>'crash_write')::int)), '[]')"
        " FROM activity_logs WHERE source = 'manual' AND activity_data ? 'crash_write'")}

    def present(w):
        """The id the tables hold for write w, or None."""
        kind, tag = w["kind"], w["tag"]
        if kind == "persona_create":
            return personas.get(tag)
        if kind == "account_create":
            return accounts.get(tag)
        if kind == "post_create":
            return posts_by_content.get(tag)
        if kind == "publish":
            p = posts.get(w["target"])
            return p["id"] if p and p["platform_post_id"] == tag and p["published"] else None
        if kind == "engagement":
            post, window = w["target"]
            p = posts.get(post)
            return p["id"] if p and p[window] == tag else None
        if kind == "activity":
            return actions.get(tag)
        raise ValueError(kind)

    acked = lost = unacked_present = unacked_absent = 0
    per_kind = {}
    for w in writes:
        got = present(w)
        k = per_kind.setdefault(w["kind"], [0, 0, 0])
        if w["outcome"] == "2xx":
            acked += 1
            k[0] += 1
            want = w.get("id") if w["kind"] not in ("publish", "engagement") else got
            if got is None or got != want:
                lost += 1
                k[1] += 1
                problems.append(f"lost: write {w['n']} ({w['kind']} {w['tag']}) was acknowledged "
                                f"(id {w.get('id')}) but is not there")
        elif got is not None:
            unacked_present += 1
            k[2] += 1
        else:
            unacked_absent += 1

    # The same through the restarted server, for every acknowledged write.
    api_missing = []

    def api_check(w):
        api = thread_api(a.base, state["token"])
        kind = w["kind"]
        if kind == "persona_create":
            status, body, _ = api.call("GET", f"/api/v1/personas/{w['id']}")
            ok = status == 200 and body["name"] == w["tag"]
        elif kind == "account_create":
            status, body, _ = api.call("GET", f"/api/v1/accounts/{w['id']}")
            ok = status == 200 and body["username"] == w["tag"]
        elif kind == "post_create":
            status, body, _ = api.call("GET", f"/api/v1/posts/{w['id']}")
            ok = status == 200 and body["final_content"] == w["tag"]
        elif kind == "publish":
            status, body, _ = api.call("GET", f"/api/v1/posts/{w['target']}")
            ok = status == 200 and body["platform_post_id"] == w["tag"] and body["published_manually_at"]
        elif kind == "engagement":
            post, window = w["target"]
            status, body, _ = api.call("GET", f"/api/v1/posts/{post}")
            ok = status == 200 and body[window + "_engagement"].get("metrics", {}).get("likes") == w["tag"]
        else:
            status, body, _ = api.call("GET", f"/api/v1/activity/{w['id']}")
            ok = status == 200 and body["activity_data"] == {"crash_write": w["tag"]}
        if not ok:
            api_missing.append(f"write {w['n']} ({kind}): GET answered {status}: {json.dumps(body)[:200]}")

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(api_check, [w for w in writes if w["outcome"] == "2xx"]))
    problems += [f"not served after the restart: {m}" for m in api_missing]

    broken = 0
    for name, sql in INVARIANTS:
        rows = psql_json(f"SELECT COALESCE(json_agg(to_json(x)), '[]') FROM ({sql}) x")
        if rows:
            broken += 1
            problems.append(f"half-applied: {name} does not hold for {len(rows)} rows, e.g. {json.dumps(rows[:3])}")

    # The restarted server takes new writes of every kind and serves them back.
    api = Api(a.base, state["token"])
    fresh_ok = True

    def fresh(method, path, body, want):
        nonlocal fresh_ok
        try:
            status, out, _ = api.call(method, path, body)
        except Exception as e:
            status, out = None, str(e)
        if status != want:
            fresh_ok = False
            problems.append(f"after the restart: {method} {path} answered {status}: {json.dumps(out)[:200]}")
            return {}
        return out

    p = fresh("POST", "/api/v1/personas", persona_body("crash-after-restart", "UTC"), 201)
    acct = fresh("POST", f"/api/v1/personas/{p.get('id')}/accounts",
                 {"platform_type": "twitter", "username": "crash_after", "credentials": "x"}, 201)
    post = fresh("POST", "/api/v1/posts", {"platform_account_id": acct.get("id"), "final_content": "after"}, 201)
    fresh("POST", f"/api/v1/posts/{post.get('id')}/publish", {"platform_post_id": "after"}, 200)
    fresh("PUT", f"/api/v1/posts/{post.get('id')}/engagement/immediate", {"likes": 1}, 200)
    fresh("POST", "/api/v1/activity", {"persona_id": p.get("id"), "activity_type": "like",
                                       "platform_type": "twitter"}, 201)
    got = fresh("GET", f"/api/v1/posts/{post.get('id')}", None, 200)
    if got and got.get("immediate_engagement", {}).get("metrics") != {"likes": 1}:
        fresh_ok = False
        problems.append(f"after the restart: the new post reads back as {json.dumps(got)[:200]}")

    lost_lines = [p_ for p_ in problems if p_.startswith("lost: ")]
    other_lines = [p_ for p_ in problems if not p_.startswith("lost: ")]
    shown = lost_lines[:10] + [p_ for p_ in other_lines if not p_.startswith("not served")]
    shown += [p_ for p_ in other_lines if p_.startswith("not served")][:10]
    for p_ in shown:
        print("crash_writes: FAIL: " + p_)
    if len(problems) > len(shown):
        print(f"crash_writes: FAIL: … and {len(problems) - len(shown)} more like these")
    print(f"crash_writes: verify: {len(writes)} writes: acknowledged {acked}, present after restart "
          f"{acked - lost}, lost {lost}; unacknowledged {len(writes) - acked}: present {unacked_present}, "
          f"absent {unacked_absent}")
    print("crash_writes: verify: per kind (acknowledged/lost/unacknowledged but present): "
          + ", ".join(f"{k} {v[0]}/{v[1]}/{v[2]}" for k, v in sorted(per_kind.items())))
    print(f"crash_writes: verify: {len(INVARIANTS) - broken} of {len(INVARIANTS)} invariants hold; "
          f"{acked - len(api_missing)} of {acked} acknowledged writes served by the restarted server; "
          f"new writes after the restart {'accepted' if fresh_ok else 'FAILED'} ({time.time() - t0:.1f} s)")
    return 1 if problems else 0


# ---------------------------------------------------------------------------------------
def cmd_run(a):
    import ctypes
    pr_set_child_subreaper = 36
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(pr_set_child_subreaper, 1, 0, 0, 0) != 0:
        raise SystemExit(f"crash_writes: run: prctl(PR_SET_CHILD_SUBREAPER): {os.strerror(ctypes.get_errno())}")
    command = a.command[1:] if a.command[:1] == ["--"] else a.command
    child = os.fork()
    if child == 0:
        os.setsid()  # its own process group: killing it leaves this reaper alive
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    with open(a.pid_file, "w") as f:
        f.write(f"{child}\n")
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda s, _frame: os.kill(child, s))
    status = 1
    while True:
        try:
            pid, raw = os.waitpid(-1, 0)
        except ChildProcessError:
            break
        if pid == child:
            code = os.waitstatus_to_exitcode(raw)
            status = 128 - code if code < 0 else code
    return status


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("setup")
    s.add_argument("--email", required=True)
    s.add_argument("--password-file", required=True)
    w = sub.add_parser("writes")
    w.add_argument("--outcomes", required=True)
    w.add_argument("--postmaster", type=int, required=True, help="SIGKILLed with all its children")
    w.add_argument("--server", type=int, required=True, help="the server's process group, SIGKILLed then")
    w.add_argument("--kill", choices=("all", "server"), default="all",
                   help="server: SIGKILL the server alone, its cluster then shuts down cleanly")
    w.add_argument("--threads", type=int, default=32)
    w.add_argument("--kill-after", type=int, default=500, help="answers (of any kind) before the kill")
    w.add_argument("--seed", type=int, default=int(os.environ.get("CRASH_TEST_SEED", "16")))
    w.add_argument("--timeout", type=float, default=30)
    v = sub.add_parser("verify")
    v.add_argument("--outcomes", required=True)
    v.add_argument("--sabotage", action="store_true", help="break each invariant first (the checker's own test)")
    r = sub.add_parser("run")
    r.add_argument("--pid-file", required=True)
    r.add_argument("command", nargs=argparse.REMAINDER)
    for p in (s, w, v):
        p.add_argument("--base", required=True)
        p.add_argument("--state", required=True)
    a = ap.parse_args()
    return {"setup": cmd_setup, "writes": cmd_writes, "verify": cmd_verify, "run": cmd_run}[a.cmd](a) or 0


if __name__ == "__main__":
    sys.exit(main())
