#!/usr/bin/env python3
"""Lists sqlmap targets for every route of src/http/openapi.json that takes a parameter.

    scripts/sqlmap_targets.py BASE_URL TOKEN_FILE > targets.jsonl

Seeds a scratch server (through its API, with the Bearer token in TOKEN_FILE) with one
object of each kind, so that path ids name real rows, then prints one JSON line per
operation with a path, query or header parameter or a request body:
{"method", "url", "data", "content_type", "headers", "points"}. Path parameters (and then
the query's too), raw bodies and header parameters carry sqlmap's custom marker `*`; a
JSON body is left to sqlmap, which marks every value itself; `points` names them all. Destructive operations come last, each on an
object of its own. Fails on an operation that has a body but no sample below: a new
route must get one, not be skipped.
"""
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "*"

BASE, TOKEN = sys.argv[1].rstrip("/"), Path(sys.argv[2]).read_text().strip()


def call(method, path, body=None, content_type="application/json"):
    data = None
    if body is not None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + TOKEN)
    if data is not None:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=30) as res:
            text = res.read().decode()
            return json.loads(text) if text and res.headers.get_content_type().endswith("json") else text
    except urllib.error.HTTPError as e:
        sys.exit(f"sqlmap_targets: seeding {method} {path} answered {e.code}: {e.read().decode()[:300]}")


PERSONA = {
    "name": "Maria",
    "status": "active",
    "demographics": {"age": 27, "gender": "female", "location": "Quezon City", "occupation": "nurse"},
    "personality": {"interests": ["food", "travel"], "communication_style": "warm"},
    "backstory": "Grew up in Cebu.",
    "primary_location": "Manila",
    "timezone": "Asia/Manila",
    "language_preferences": ["en", "fil"],
    "activity_schedule": {"posting_times": {"monday": ["08:30", "19:00"]}, "posts_per_day": 2},
    "content_themes": {"topics": ["street food"], "hashtags": ["#Manila"]},
    "engagement_style": {"comment_frequency": "medium"},
}


def proxy(n):
    return {"proxy_id": f"sq-{n}", "proxy_ip": "127.0.0.1", "proxy_port": 9, "proxy_username": "u",
            "proxy_password": "Pr0xy-Secret-77", "city": "Manila", "isp_name": "PLDT"}


def seed():
    ids = {}

    def persona(name):
        return call("POST", "/api/v1/personas", dict(PERSONA, name=name))["id"]

    def account(persona_id, username):
        body = {"platform_type": "twitter", "username": username, "credentials": "pw"}
        return call("POST", f"/api/v1/personas/{persona_id}/accounts", body)["id"]

    def template(name):
        body = {"template_name": name, "content_type": "text", "template_text": "Hi {{theme}}",
                "target_platforms": ["twitter"]}
        return call("POST", "/api/v1/templates", body)["id"]

    def post(account_id):
        return call("POST", "/api/v1/posts", {"platform_account_id": account_id, "final_content": "Kumusta!"})["id"]

    ids["persona"] = persona("Maria")
    ids["account"] = account(ids["persona"], "maria_tw")
    ids["proxy"] = call("POST", "/api/v1/proxies", proxy(1))["id"]
    ids["proxy_free"] = call("POST", "/api/v1/proxies", proxy(2))["id"]
    ids["template"] = template("Food")
    ids["post"] = post(ids["account"])
    ids["post_published"] = post(ids["account"])
    call("POST", f"/api/v1/posts/{ids['post_published']}/publish", {"platform_post_id": "1"})
    ids["session"] = call("POST", f"/api/v1/personas/{ids['persona']}/sessions", {})["id"]
    call("POST", "/api/v1/activity", {"persona_id": ids["persona"], "activity_type": "like",
                                      "platform_type": "twitter", "activity_data": {"target": "@someone"}})
    ids["activity"] = call("GET", "/api/v1/activity?limit=1")["items"][0]["id"]
    # A failed login leaves a security event to resolve.
    req = urllib.request.Request(BASE + "/api/v1/auth/login", method="POST",
                                 data=json.dumps({"email": "admin@persona.local", "password": "wrong"}).encode(),
                                 headers={"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(req, timeout=30)
    except urllib.error.HTTPError:
        pass
    events = call("GET", "/api/v1/security-events?limit=1")["items"]
    if not events:
        sys.exit("sqlmap_targets: no security event to resolve")
    ids["security_event"] = events[0]["id"]
    # Objects of their own for the destructive operations.
    ids["del_persona"] = persona("Doomed")
    ids["del_persona_proxy"] = persona("Released")
    call("PUT", f"/api/v1/personas/{ids['del_persona_proxy']}/proxy",
         {"proxy": call("POST", "/api/v1/proxies", proxy(3))["id"]})
    ids["del_account"] = account(ids["persona"], "doomed_tw")
    ids["del_proxy"] = call("POST", "/api/v1/proxies", proxy(4))["id"]
    ids["del_template"] = template("Doomed")
    ids["del_post"] = post(ids["account"])
    ids["del_token"] = call("POST", "/api/v1/me/tokens", {"name": "doomed"})["id"]
    # Not on del_persona: deleting it ends its sessions first.
    ids["end_session"] = call("POST", f"/api/v1/personas/{ids['del_persona_proxy']}/sessions", {})["id"]
    return ids


# Sample bodies by route: sqlmap's baseline. Passwords are wrong on purpose where a
# right one would change or erase the account (PATCH /me, DELETE /me, 2FA).
def bodies(ids):
    return {
        ("POST", "/api/v1/auth/login"): {"email": "admin@persona.local", "password": "not-the-password"},
        ("PATCH", "/api/v1/me"): {"current_password": "not-the-password", "new_password": "Another-Passw0rd-42"},
        ("DELETE", "/api/v1/me"): {"password": "not-the-password"},
        ("POST", "/api/v1/me/2fa/enable"): {"code": "123456"},
        ("POST", "/api/v1/me/2fa/disable"): {"password": "not-the-password", "code": "123456"},
        ("POST", "/api/v1/me/tokens"): {"name": "sqlmap"},
        ("POST", "/api/v1/personas"): dict(PERSONA, name="Injected"),
        ("PATCH", "/api/v1/personas/{id}"): {"name": "Maria", "primary_location": "Manila", "status": "active"},
        ("PUT", "/api/v1/personas/{id}/proxy"): {"proxy": ids["proxy_free"]},
        ("POST", "/api/v1/personas/{id}/accounts"): {"platform_type": "twitter", "username": "maria2",
                                                      "credentials": "pw", "daily_post_limit": 5},
        ("PATCH", "/api/v1/accounts/{id}"): {"display_name": "Maria", "bio": "hi", "daily_post_limit": 5,
                                              "account_status": "active"},
        ("POST", "/api/v1/accounts/{id}/reveal"): {"password": "not-the-password"},
        ("POST", "/api/v1/proxies"): proxy(9),
        ("PATCH", "/api/v1/proxies/{id}"): {"city": "Cebu", "country_code": "PH", "monthly_cost_usd": 3.5},
        ("POST", "/api/v1/templates"): {"template_name": "Injected", "content_type": "text",
                                        "template_text": "Hi {{theme}}", "target_platforms": ["twitter"]},
        ("PATCH", "/api/v1/templates/{id}"): {"template_name": "Food", "template_text": "Hello {{theme}}"},
        ("POST", "/api/v1/templates/{id}/render"): {"persona_id": ids["persona"], "platform_type": "twitter",
                                                    "theme": "food"},
        ("POST", "/api/v1/templates/preview"): {"template_text": "Hi {{theme}}", "persona_id": ids["persona"],
                                                "platform_type": "twitter", "theme": "food"},
        ("POST", "/api/v1/posts"): {"platform_account_id": ids["account"], "final_content": "Kumusta!",
                                    "theme": "food"},
        ("PATCH", "/api/v1/posts/{id}"): {"final_content": "Kumusta, Manila!", "improvement_notes": "none"},
        ("POST", "/api/v1/posts/{id}/publish"): {"platform_post_id": "12345"},
        ("PUT", "/api/v1/posts/{id}/engagement/{window}"): {"likes": 3, "comments": 1, "views": 40},
        ("POST", "/api/v1/posts/check"): {"platform_account_id": ids["account"], "final_content": "Kumusta!"},
        ("POST", "/api/v1/security-events/{id}/resolve"): {"actions_taken": ["checked"]},
        ("POST", "/api/v1/activity"): {"persona_id": ids["persona"], "activity_type": "like",
                                       "platform_type": "twitter", "activity_data": {"target": "@someone"}},
        ("POST", "/api/v1/personas/{id}/sessions"): {"active_platforms": ["twitter"]},
        ("PATCH", "/api/v1/sessions/{id}"): {"error_message": "none", "active_platforms": ["twitter"]},
        ("POST", "/api/v1/proxies/import"): "10.0.0.1:8080:user:pass",
        ("POST", "/api/v1/posts/import"): "persona,account,text,template,theme,local_time\r\n"
                                           "Maria,maria_tw,Hi,,,\r\n",
    }


# Which seeded object a route's {id} names.
def path_id(method, path, ids):
    destructive = {
        ("DELETE", "/api/v1/personas/{id}"): "del_persona",
        ("DELETE", "/api/v1/personas/{id}/proxy"): "del_persona_proxy",
        ("DELETE", "/api/v1/accounts/{id}"): "del_account",
        ("DELETE", "/api/v1/proxies/{id}"): "del_proxy",
        ("DELETE", "/api/v1/templates/{id}"): "del_template",
        ("DELETE", "/api/v1/posts/{id}"): "del_post",
        ("DELETE", "/api/v1/me/tokens/{id}"): "del_token",
        ("POST", "/api/v1/sessions/{id}/end"): "end_session",
        ("PUT", "/api/v1/personas/{id}/proxy"): "del_persona",
    }
    if (method, path) in destructive:
        return ids[destructive[(method, path)]]
    kind = path.split("/")[3]
    return ids[{"personas": "persona", "accounts": "account", "proxies": "proxy", "templates": "template",
                "posts": "post", "security-events": "security_event", "activity": "activity",
                "sessions": "session"}[kind]]


QUERY_SAMPLES = {"limit": "10", "state": "draft", "from": "2020-01-01T00:00:00Z",
                 "to": "2040-01-01T00:00:00Z", "months": "3", "city": "Manila", "country_code": "PH",
                 "include_secrets": "false", "severity": "medium", "resolved": "false",
                 "event_type": "login_failed", "activity_type": "like", "platform_type": "twitter",
                 "status": "active", "window": "daily"}


def leaves(value, prefix=""):
    """The names of a JSON body's values, as sqlmap marks them (it marks JSON bodies itself)."""
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in leaves(v, f"{prefix}.{k}" if prefix else k)]
    if isinstance(value, list):
        return [n for i, v in enumerate(value) for n in leaves(v, f"{prefix}[{i}]")]
    return [prefix]


def main():
    spec = json.loads((ROOT / "src/http/openapi.json").read_text())
    components = spec.get("components", {}).get("parameters", {})
    ids = seed()
    QUERY_SAMPLES["cursor"] = call("GET", "/api/v1/personas?limit=1")["next_cursor"]
    samples = bodies(ids)
    targets = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            method = method.upper()
            params = []
            for p in ops.get("parameters", []) + op.get("parameters", []):
                params.append(components[p["$ref"].split("/")[-1]] if "$ref" in p else p)
            body = op.get("requestBody", {}).get("content", {})
            if not params and not body:
                continue
            points, url, query, headers = [], path, [], []
            for p in params:
                name, where = p["name"], p["in"]
                if where == "path":
                    value = "daily" if name == "window" else path_id(method, path, ids)
                    url = url.replace("{" + name + "}", value + MARK)
                    points.append(f"path {name}")
                elif where == "query":
                    value = ids["persona"] if name == "persona_id" else \
                        ids["account"] if name == "platform_account_id" else QUERY_SAMPLES[name]
                    query.append((name, value))
                    points.append(f"query {name}")
                elif where == "header":
                    headers.append(f"{name}: not-the-password{MARK}")
                    points.append(f"header {name}")
            # With a marker in the path sqlmap tests only marked places, so the query gets
            # markers too; without one it tests the query's parameters by itself (and, at
            # level 3, User-Agent and Referer).
            if query:
                mark = MARK if MARK in url or headers else ""
                url += "?" + "&".join(f"{name}={value}{mark}" for name, value in query)
            data, content_type = None, None
            if body:
                content_type = next(iter(body))
                sample = samples.get((method, path))
                if sample is None:
                    sys.exit(f"sqlmap_targets: no sample body for {method} {path}; add one")
                if isinstance(sample, str):
                    data = sample + MARK
                    points.append("body (raw)")
                else:
                    data = json.dumps(sample)
                    points += ["body " + p for p in leaves(sample)]
            targets.append({"method": method, "url": BASE + url, "data": data, "content_type": content_type,
                            "headers": headers, "points": points, "route": f"{method} {path}"})
    # Path and query parameters first (ids and filters are where SQL is built), bodies by
    # size; destructive last: DELETEs, the session's end, then erasing the account (with a
    # wrong password).
    def order(t):
        if t["route"] == "DELETE /api/v1/me":
            return (3, 0)
        if t["method"] == "DELETE" or t["route"].endswith("/end"):
            return (2, 0)
        return (1, len(t["points"]) if t["data"] else 0)

    targets.sort(key=order)
    for t in targets:
        print(json.dumps(t))


main()
