#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into fuzz/corpus/<target>/seed-*.

The seeds are valid inputs (the bodies of tests/http/hostile_body_test.cpp, requests for
every route of src/http/openapi.json) plus a few edge cases, so the fuzzer starts deep in
each target instead of at its first parse error. Ids are those of fuzz/fake_stores.h.
Crashing inputs found later are kept beside them as crash-*; this script never touches
those. Run it again after changing it: python3 fuzz/make_corpus.py
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent / "corpus"

USER = "11111111-1111-4111-8111-111111111111"
PERSONA = "22222222-2222-4222-8222-222222222222"
ACCOUNT = "33333333-3333-4333-8333-333333333333"
PROXY = "44444444-4444-4444-8444-444444444444"
TEMPLATE = "55555555-5555-4555-8555-555555555555"
POST = "66666666-6666-4666-8666-666666666666"
PUBLISHED = "66666666-6666-4666-8666-666666666667"
SESSION = "77777777-7777-4777-8777-777777777777"
EVENT = "88888888-8888-4888-8888-888888888888"
TOKEN = "99999999-9999-4999-8999-999999999999"
ACTIVITY = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"

PERSONA_BODY = {
    "name": "Maria",
    "status": "active",
    "demographics": {"age": 27, "gender": "female", "location": "Quezon City", "occupation": "nurse"},
    "personality": {"interests": ["food", "travel"], "values": ["family"], "communication_style": "warm"},
    "backstory": "Grew up in Cebu.",
    "primary_location": "Manila",
    "timezone": "Asia/Manila",
    "language_preferences": ["en", "fil", "en-PH"],
    "activity_schedule": {"posting_times": {"monday": ["08:30", "19:00"], "friday": ["12:00"]}, "posts_per_day": 2},
    "content_themes": {"topics": ["street food", "jeepney rides"], "hashtags": ["#Manila", "pinoyfood"],
                       "style": "casual"},
    "engagement_style": {"comment_frequency": "medium", "interaction_patterns": ["replies"]},
}
TEMPLATE_BODY = {
    "template_name": "T",
    "content_type": "text",
    "template_text": "Hi {{persona.name}} from {{ persona.primary_location }}: {{theme}} ({{persona.demographics.age}})",
    "media_urls": ["https://example.com/a.jpg"],
    "media_metadata": {"alt": "a"},
    "timing_rules": {},
    "target_platforms": ["twitter", "x", "instagram"],
    "target_personas": [PERSONA],
    "personalization_rules": {"prefix": "Psst", "suffix": "!", "replace": {"Hi": "Kumusta"},
                              "platforms": {"instagram": {"suffix": "#nofilter"}}},
    "hashtag_strategy": {"default": {"max": 1}, "twitter": {"fixed": ["#kain"], "include_persona_hashtags": False}},
    "is_active": True,
}
PROXY_BODY = {"proxy_id": "pc-1", "proxy_ip": "127.0.0.1", "proxy_port": 8080, "proxy_username": "u",
              "proxy_password": "p", "city": "Manila", "country_code": "PH", "isp_name": None,
              "monthly_cost_usd": 1.5, "monthly_bandwidth_gb": 10, "monthly_requests": 100,
              "assignment_status": "available"}


def dump(value):
    return json.dumps(value, ensure_ascii=False).encode()


def bodies(selector_bodies):
    """[(selector, body)] -> seed bytes: the selector character, then the JSON."""
    return [selector.encode() + (body if isinstance(body, bytes) else dump(body)) for selector, body in selector_bodies]


SEEDS = {}

SEEDS["persona_body"] = bodies([
    ("0", PERSONA_BODY),
    ("0", {k: v for k, v in PERSONA_BODY.items() if k not in ("status", "backstory", "language_preferences")}),
    ("1", {"name": "Maria Clara", "backstory": None}),
    ("1", {"demographics": {"age": 30}, "activity_schedule": {"posting_times": {"sunday": []}}}),
    ("1", {"timezone": "America/Argentina/Buenos_Aires", "status": "suspended"}),
    ("2", {"proxy": PROXY}),
    ("0", b"[]"),
    ("1", b"{\"name\": \"\\u00e9\\ud83d\\ude00\"}"),
])

SEEDS["account_body"] = bodies([
    ("0", {"platform_type": "twitter", "username": "maria2", "credentials": "pw"}),
    ("0", {"platform_type": "x", "username": "u", "display_name": "U", "bio": "hi", "profile_image_url": "https://e/x",
           "credentials": {"password": "x"}, "auth_tokens": "t", "platform_settings": {"max_hashtags": 2},
           "posting_schedule": {"b": 2}, "daily_post_limit": 5}),
    ("1", {"display_name": "Maria", "bio": "hi", "daily_post_limit": 3, "cooldown_until": "2026-12-01T00:00:00Z",
           "account_status": "verified", "verification_level": "business", "follower_count": 10,
           "following_count": 2, "warning_count": 0, "is_active": True, "platform_settings": {"x": 1}}),
    ("1", {"credentials": {"password": "new"}, "auth_tokens": None, "username": "maria_new", "cooldown_until": None}),
    ("2", {"password": "correct horse battery"}),
    ("2", {"password": "wrong password"}),
])

SEEDS["post_body"] = bodies([
    ("0", {"platform_account_id": ACCOUNT, "final_content": "Hello #kain"}),
    ("0", {"platform_account_id": ACCOUNT, "content_template_id": TEMPLATE, "theme": "street food",
           "persona_id": PERSONA, "creation_started_at": "2026-11-27T07:00:00+08:00"}),
    ("0", {"platform_account_id": ACCOUNT, "content_template_id": TEMPLATE, "final_content": "Hi Maria!",
           "final_hashtags": ["#a"], "final_media_urls": ["https://example.com/a.jpg"], "user_satisfaction": 4,
           "improvement_notes": "n", "authenticity_rating": 0.9}),
    ("0", {"platform_account_id": ACCOUNT, "final_content": "Later", "scheduled_for": "2026-11-27T08:30:00Z",
           "publishing_method": "scheduled_manual"}),
    ("1", {"platform_account_id": ACCOUNT, "final_content": "Kumusta #kain #Manila #food https://example.com",
           "scheduled_for": "2026-11-27T19:00:00Z", "post_id": POST}),
    ("2", {"final_content": "Hello again", "authenticity_rating": 0.9, "scheduled_for": None,
           "publishing_method": "manual"}),
    ("3", {"final_content": "Hello Maria, edited", "improvement_notes": "shorter"}),
    ("3", {"user_satisfaction": 5}),
    ("4", {"platform_post_id": "1790", "published_at": "2026-11-27T07:59:00Z"}),
    ("5", {"likes": 3, "comments": 1, "shares": 0, "views": 100}),
    ("6", {"likes": 30, "views": 1000}),
])

SEEDS["template_body"] = bodies([
    ("0", TEMPLATE_BODY),
    ("0", {"template_name": "Min", "content_type": "image", "target_platforms": ["tiktok"]}),
    ("1", {"template_text": "{{persona.personality.interests}} and {{persona.personality.communication_style}}",
           "hashtag_strategy": {"instagram": {"max": 5}}}),
    ("1", {"personalization_rules": None, "template_text": None}),
    ("2", {"template_text": "Hi {{persona.name}} #{{theme}}", "persona_id": PERSONA, "platform_type": "twitter",
           "theme": "ulam", "personalization_rules": {"suffix": "!"}}),
    ("2", {"template_text": "x" * 300, "persona_id": PERSONA, "platform_type": "linkedin"}),
    ("3", {"persona_id": PERSONA, "platform_type": "twitter"}),
    ("3", {"persona_id": PERSONA, "platform_type": "instagram", "theme": "food"}),
])

SEEDS["api_body"] = bodies([
    ("0", {"email": "ana@example.com", "password": "correct horse battery"}),
    ("0", {"email": "Ana@Example.com", "password": "wrong password", "totp_code": "123456"}),
    ("0", {"email": "nobody@example.com", "password": "x", "recovery_code": "ABCD-EFGH-JKLM"}),
    ("1", {"current_password": "correct horse battery", "new_password": "another long password"}),
    ("2", {"password": "wrong password"}),
    ("3", {"code": "123456"}),
    ("4", {"password": "correct horse battery", "code": "123456"}),
    ("5", {"name": "script"}),
    ("6", dict(PROXY_BODY, proxy_id="pc-2")),
    ("6", dict(PROXY_BODY, proxy_id="pc-6", proxy_ip="2001:DB8::1")),
    ("7", {"city": "Cebu", "assignment_status": "maintenance", "proxy_password": "q"}),
    ("8", {"persona_id": PERSONA, "activity_type": "like", "platform_type": "x", "activity_data": {"n": 1}}),
    ("9", {"actions_taken": ["password_changed"]}),
    (":", {"active_platforms": ["twitter"], "platform_sessions": {"a": 1}}),
    (";", {"session_status": "active", "active_platforms": ["twitter"], "platform_sessions": {"a": 1},
           "suspicious_activity_detected": False, "risk_events": [{"kind": "captcha_seen"}]}),
    (";", {"session_status": "error", "error_message": "browser crashed"}),
])

SEEDS["proxy_line"] = [
    b"203.0.113.7:8080:ana:s3cret\n",
    b"ana:s3cret@203.0.113.7:8080\r\n",
    b"[2001:db8::1]:8080:ana:s3cret\nana:s3cret@[2001:DB8:0::1]:8080\n",
    b"\xef\xbb\xbf# provider list\n\n  203.0.113.7:8080:ana:p@ss:word  \n203.0.113.8:99999:a:b\nhost.example:80:a:b\n",
    b"ana:p@ss@203.0.113.9:3128\n[203.0.113.7]:80:a:b\n203.0.113.7:0:a:b\n",
]

SEEDS["template_render"] = [
    b"Hi {{persona.name}} from {{persona.primary_location}}",
    b"Hi {{persona.name}}, {{theme}}\x00" + dump({"prefix": "Psst", "replace": {"Hi": "Hello"},
                                                   "platforms": {"twitter": {"suffix": "!"}}})
    + b"\x00" + dump({"default": {"max": 3, "fixed": ["#kain", "Manila"]}}) + b"\x00instagram\x00ulam",
    b"{{persona.demographics.age}} {{persona.personality.interests}}\x00null\x00{}\x00x",
    b"{{ theme }}\x00{}\x00{}\x00tiktok\x00\x00" + dump({"name": "{{x}}", "content_themes": {"topics": [1]}}),
    b"{{unclosed\x00{\"replace\":{\"cat\":\"dog\"}}\x00\x00linkedin",
]

SEEDS["csv_import"] = [
    b"persona,account,text,local_time\r\nMaria,maria,Hello #kain,2026-11-28 08:30\r\n",
    ("persona,account,template,theme,local_time\n" + PERSONA + ",maria," + TEMPLATE + ",ulam,2026-11-27 19:00\n"
     ).encode(),
    b"persona,account,text\nMaria,maria,\"multi\nline, with \"\"quotes\"\"\"\nMaria,nobody,x\n,,\n",
    b"text,account,persona,persona\n=1+1,maria,Maria,Maria\n",
    b"persona,account,text\n\"unterminated,maria,x\n",
]

SEEDS["text_length"] = [
    "Kumusta, Manila! https://example.com/a?b=c#d and example.org. #kain #ulam_2 ＃foo".encode(),
    "👩‍👩‍👧 🇵🇭 1️⃣ ❤️ e\u0301 日本語 Ελληνικά".encode(),
    b"(see http://x.co/a_(b))... #1 #a&b",
    b"\xff\xfe invalid \xc3 utf-8 \xed\xa0\x80",
]

CURSOR = ("2026-11-27T08:00:00.000000Z|" + PERSONA).encode().hex()


def request(method, target, body=b"", headers=(), auth="cookie"):
    lines = [f"{method} {target} HTTP/1.1", "Host: persona.test"]
    if auth == "cookie":
        lines += ["Cookie: persona_session=fuzz-session-token", "Origin: http://persona.test"]
    elif auth == "bearer":
        lines.append("Authorization: Bearer fuzz-api-token")
    lines += list(headers)
    if isinstance(body, (dict, list)):
        body = dump(body)
        lines.append("Content-Type: application/json")
    if body:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


SEEDS["http_request"] = [
    request("GET", "/healthz", auth=None),
    request("GET", "/readyz", auth=None) + request("GET", "/api/v1/openapi.json", auth=None),
    request("GET", "/", auth=None, headers=["Accept-Encoding: gzip;q=0.5, br"]),
    request("HEAD", "/assets/main-1.js", auth=None, headers=["Accept-Encoding: gzip", "If-None-Match: W/\"main-1\""]),
    request("GET", "/calendar/2026-11?x=1", auth=None),
    request("POST", "/api/v1/auth/login", {"email": "ana@example.com", "password": "correct horse battery"},
            auth=None, headers=["User-Agent: Mozilla/5.0"]),
    request("GET", "/api/v1/me", auth="bearer") + request("POST", "/api/v1/auth/logout"),
    request("GET", "/api/v1/personas?limit=1&cursor=" + CURSOR, auth="bearer"),
    request("POST", "/api/v1/personas", PERSONA_BODY) + request("GET", "/api/v1/personas/f0000000-0000-4000-8000-000000000001"),
    request("GET", "/api/v1/personas/%32" + PERSONA[1:] + "/risk", auth="bearer"),
    request("DELETE", f"/api/v1/personas/{PERSONA}/proxy") + request("PUT", f"/api/v1/personas/{PERSONA}/proxy",
                                                                     {"proxy": PROXY}),
    request("GET", f"/api/v1/personas/{PERSONA}/accounts?limit=200", auth="bearer"),
    request("GET", f"/api/v1/accounts/{ACCOUNT}", auth="bearer") + request("DELETE", f"/api/v1/accounts/{ACCOUNT}"),
    request("POST", "/api/v1/proxies/import?city=Manila&country_code=PH",
            b"203.0.113.9:8080:ana:s3cret\nana:pw@[2001:db8::2]:3128\nbad line\n", headers=["Content-Type: text/plain"]),
    request("GET", "/api/v1/proxies/costs?months=3", auth="bearer") + request("POST", f"/api/v1/proxies/{PROXY}/check"),
    request("GET", f"/api/v1/proxies/{PROXY}/checks", auth="bearer") + request("DELETE", f"/api/v1/proxies/{PROXY}"),
    request("GET", "/api/v1/templates", auth="bearer") + request("DELETE", f"/api/v1/templates/{TEMPLATE}"),
    request("GET", f"/api/v1/posts?persona_id={PERSONA}&state=draft&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00%2B08:00",
            auth="bearer"),
    request("GET", "/api/v1/posts/due", auth="bearer") + request("GET", "/api/v1/posts/export?state=published",
                                                                 auth="bearer"),
    request("POST", "/api/v1/posts/import", b"persona,account,text\nMaria,maria,Hello\n",
            headers=["Content-Type: text/csv"]),
    request("GET", f"/api/v1/posts/{POST}", auth="bearer") + request("DELETE", f"/api/v1/posts/{POST}"),
    request("GET", "/api/v1/security-events?severity=warning&resolved=false&event_type=secret_revealed", auth="bearer"),
    request("GET", "/api/v1/activity?platform_type=x&activity_type=like", auth="bearer")
    + request("GET", f"/api/v1/activity/{ACTIVITY}", auth="bearer"),
    request("GET", "/api/v1/sessions?status=live", auth="bearer") + request("GET", f"/api/v1/sessions/{SESSION}")
    + request("POST", f"/api/v1/sessions/{SESSION}/end"),
    request("GET", "/api/v1/dashboard", auth="bearer") + request("GET", "/api/v1/keys", auth="bearer"),
    request("GET", "/metrics", auth="bearer") + request("GET", "/metrics", auth=None),
    request("GET", "/api/v1/me/export?include_secrets=true", auth="bearer",
            headers=["X-Reauth-Password: correct horse battery"]),
    request("GET", "/api/v1/me/tokens", auth="bearer") + request("DELETE", f"/api/v1/me/tokens/{TOKEN}")
    + request("POST", "/api/v1/me/2fa/setup"),
    b"POST /api/v1/activity HTTP/1.1\r\nHost: persona.test\r\nAuthorization: Bearer fuzz-api-token\r\n"
    b"Content-Type: application/json; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"10\r\n{\"persona_id\": \"\r\n" + ("%x" % len(PERSONA + '", "activity_type": "like", "platform_type": "x"}')).encode()
    + b"\r\n" + (PERSONA + '", "activity_type": "like", "platform_type": "x"}').encode() + b"\r\n0\r\n\r\n",
    request("PATCH", "/api/v1/personas/" + PERSONA, {"name": "X"}, auth="cookie", headers=["Origin: http://evil.test"]),
    request("OPTIONS", "*", auth=None) + request("GET", "http://persona.test/api/v1/me", auth="bearer"),
]

DICTIONARIES = {
    "json": ['"{"', '"}"', '"["', '"]"', '":"', '","', '"\\""', '"null"', '"true"', '"false"', '"0"', '"-1"',
             '"1e999"', '"18446744073709551615"', '"9223372036854775808"', '"0.5"', '"\\\\u0000"', '"\\\\ud800"',
             '"\\\\u00e9"', '"\\xc3\\xa9"'],
    "http": ['"GET "', '"POST "', '"PUT "', '"PATCH "', '"DELETE "', '"HEAD "', '" HTTP/1.1\\x0d\\x0a"',
             '" HTTP/1.0\\x0d\\x0a"', '"\\x0d\\x0a"', '"\\x0d\\x0a\\x0d\\x0a"', '"Host: persona.test\\x0d\\x0a"',
             '"Authorization: Bearer fuzz-api-token\\x0d\\x0a"',
             '"Cookie: persona_session=fuzz-session-token\\x0d\\x0a"', '"Origin: http://persona.test\\x0d\\x0a"',
             '"Referer: http://persona.test/x\\x0d\\x0a"', '"Content-Type: application/json\\x0d\\x0a"',
             '"Content-Type: text/csv\\x0d\\x0a"', '"Content-Type: text/plain\\x0d\\x0a"', '"Content-Length: "',
             '"Transfer-Encoding: chunked\\x0d\\x0a"', '"Accept-Encoding: gzip\\x0d\\x0a"', '"If-None-Match: "',
             '"User-Agent: "', '"X-Reauth-Password: "', '"Expect: 100-continue\\x0d\\x0a"', '"/api/v1/"',
             '"?limit="', '"&cursor="', '"?persona_id="', '"&from="', '"&to="', '"?state="', '"?status=live"',
             '"%2F"', '"%00"', '"%zz"', '"+"', '"#"', '"/assets/main-1.js"', '"/index.html"'],
    "template": ['"{{"', '"}}"', '"persona.name"', '"persona.primary_location"', '"persona.demographics."',
                 '"persona.personality."', '"theme"', '"personalization_rules"', '"hashtag_strategy"',
                 '"prefix"', '"suffix"', '"replace"', '"platforms"', '"default"', '"fixed"',
                 '"include_persona_hashtags"', '"max"', '"twitter"', '"x"', '"instagram"', '"tiktok"', '"linkedin"',
                 '"template_text"', '"target_platforms"', '"target_personas"', '"content_type"', '"template_name"',
                 '"media_urls"', '"persona_id"', '"platform_type"', '"#"', '"\\x00"'],
    "proxy": ['":"', '"@"', '"["', '"]"', '"::"', '"::ffff:"', '"127.0.0.1"', '"2001:db8::1"', '"fe80::1%eth0"',
              '"65535"', '"65536"', '"\\x0a"', '"\\x0d\\x0a"', '"#"', '"\\xef\\xbb\\xbf"'],
    "csv": ['","', '"\\""', '"\\"\\""', '"\\x0d\\x0a"', '"\\x0a"', '"persona"', '"account"', '"text"', '"template"',
            '"theme"', '"local_time"', '"Maria"', '"maria"', '"2026-11-28 08:30"', '"2026-02-30 25:61"', '"="'],
    "text": ['"http://"', '"https://"', '".com"', '".co"', '"/"', '"?"', '":8080"', '"#"', '"\\xef\\xbc\\x83"', '"@"',
             '"_"', '"&"', '"\\xe2\\x80\\x8d"', '"\\xef\\xb8\\x8f"', '"\\xe2\\x83\\xa3"', '"\\xf0\\x9f\\x87\\xb5"',
             '"\\xf0\\x9f\\x8f\\xbb"', '"\\xcc\\x81"', '"\\xe6\\x97\\xa5"', '"("', '")"'],
}
# Field names of every body: the fuzzer assembles members from them.
FIELDS = set()
for value in (PERSONA_BODY, TEMPLATE_BODY, PROXY_BODY):
    FIELDS.update(value)
FIELDS.update(["platform_account_id", "content_template_id", "final_content", "final_hashtags", "final_media_urls",
               "scheduled_for", "publishing_method", "creation_started_at", "authenticity_rating", "user_satisfaction",
               "improvement_notes", "post_id", "platform_post_id", "published_at", "likes", "comments", "shares",
               "views", "credentials", "auth_tokens", "username", "display_name", "bio", "profile_image_url",
               "platform_settings", "posting_schedule", "daily_post_limit", "cooldown_until", "account_status",
               "verification_level", "follower_count", "following_count", "warning_count", "is_active", "password",
               "email", "totp_code", "recovery_code", "current_password", "new_password", "code", "proxy",
               "activity_type", "activity_data", "actions_taken", "active_platforms", "platform_sessions",
               "session_status", "suspicious_activity_detected", "risk_events", "error_message", "age", "gender",
               "location", "occupation", "interests", "values", "communication_style", "posting_times",
               "posts_per_day", "topics", "hashtags", "style", "comment_frequency", "interaction_patterns",
               "monday", "sunday", "max_hashtags"])
DICTIONARIES["json"] += ['"\\"%s\\""' % f for f in sorted(FIELDS)]
DICTIONARIES["template"] += DICTIONARIES["json"][:20]


def main():
    for target, seeds in SEEDS.items():
        directory = ROOT / target
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob("seed-*"):
            old.unlink()
        for i, seed in enumerate(seeds):
            (directory / f"seed-{i:02d}").write_bytes(seed)
    dict_dir = ROOT.parent / "dict"
    dict_dir.mkdir(exist_ok=True)
    for name, entries in DICTIONARIES.items():
        (dict_dir / f"{name}.dict").write_text("".join(e + "\n" for e in entries))


if __name__ == "__main__":
    main()
