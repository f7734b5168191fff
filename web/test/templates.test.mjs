// The template editor's pure parts (src/screens/templates/template-form.ts,
// placeholders.ts, usePreview.ts's lengthSummary) and the bulk screen's CSV helpers
// (src/screens/bulk/posts-csv.ts).
import "./fake-window.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError } from "../src/api/client.ts";
import {
  bodyOf,
  changesOf,
  hashtagStrategyOf,
  personalizationRulesOf,
  remapErrors,
  replaceField,
  replacementsOf,
  valuesOf,
  withReplacements,
} from "../src/screens/templates/template-form.ts";
import { markPlaceholders, quotedName } from "../src/screens/templates/placeholders.ts";
import { lengthSummary } from "../src/screens/templates/usePreview.ts";
import { csvCell, csvLine, exampleCsv } from "../src/screens/bulk/posts-csv.ts";

const stored = {
  id: "t1",
  template_name: "Morning hello",
  content_type: "text",
  template_text: "Good morning from {{persona.primary_location}}!",
  media_urls: ["https://example.com/a.jpg"],
  media_metadata: { alt: "a cup" },
  target_platforms: ["twitter", "instagram"],
  target_personas: ["p2"],
  personalization_rules: {
    replace: { coffee: "kape", "Good morning": "Magandang umaga" },
    prefix: "Hi!",
    platforms: { instagram: { suffix: "Link in bio." }, twitter: { replace: { kape: "barako" } } },
  },
  hashtag_strategy: {
    default: { fixed: ["#PinoyFood"], include_persona_hashtags: true, max: 5 },
    twitter: { fixed: ["#food"], max: 1 },
    instagram: {},
  },
  timing_rules: {},
  is_active: true,
  usage_count: 3,
  success_rate: 66.7,
  created_at: "2026-12-01T00:00:00Z",
  updated_at: "2026-12-01T00:00:00Z",
};

test("a template's values and its body again", () => {
  const values = valuesOf(stored);
  assert.equal(values["target_platforms.twitter"], true);
  assert.equal(values["target_platforms.tiktok"], false);
  assert.equal(values["target_personas.p2"], true);
  assert.deepEqual(replacementsOf(values, ""), [
    ["coffee", "kape"],
    ["Good morning", "Magandang umaga"],
  ]);
  assert.equal(values["personalization_rules.platforms.instagram.suffix"], "Link in bio.");
  assert.equal(values["hashtag_strategy.twitter"], true);
  assert.equal(values["hashtag_strategy.tiktok"], false);
  assert.equal(values["hashtag_strategy.twitter.fixed"], "#food");
  assert.equal(values.media_metadata, '{\n  "alt": "a cup"\n}');

  const body = bodyOf(values);
  assert.deepEqual(body.target_platforms, ["twitter", "instagram"]);
  assert.deepEqual(body.target_personas, ["p2"]);
  assert.deepEqual(body.media_urls, ["https://example.com/a.jpg"]);
  assert.deepEqual(body.media_metadata, { alt: "a cup" });
  assert.deepEqual(body.personalization_rules, {
    replace: { coffee: "kape", "Good morning": "Magandang umaga" },
    prefix: "Hi!",
    platforms: { twitter: { replace: { kape: "barako" } }, instagram: { suffix: "Link in bio." } },
  });
  // include_persona_hashtags true is the default and left out; an empty platform rule stays.
  assert.deepEqual(body.hashtag_strategy, {
    default: { fixed: ["#PinoyFood"], max: 5 },
    twitter: { fixed: ["#food"], max: 1 },
    instagram: {},
  });
  // Nothing edited, nothing to PATCH.
  assert.deepEqual(changesOf(body, bodyOf(valuesOf(stored))), {});
});

test("a new template's body", () => {
  const values = { ...valuesOf(null), template_name: " Hello ", template_text: "Hi {{persona.name}}" };
  const body = bodyOf(values);
  assert.equal(body.template_name, "Hello");
  assert.deepEqual(body.target_platforms, ["twitter"]);
  assert.deepEqual(body.personalization_rules, {});
  assert.deepEqual(body.hashtag_strategy, {});
  assert.equal(bodyOf({ ...values, template_text: "  " }).template_text, null);
});

test("replacement rows", () => {
  let values = withReplacements(valuesOf(null), "twitter", [["a", "b"], ["", ""], ["c", ""]]);
  assert.equal(values[replaceField("twitter", 2, "word")], "c");
  // A blank row is no rule; an empty replacement deletes the word.
  assert.deepEqual(personalizationRulesOf(values), { platforms: { twitter: { replace: { a: "b", c: "" } } } });
  values = withReplacements(values, "twitter", [["c", ""]]);
  assert.equal(replaceField("twitter", 1, "word") in values, false);
  // The same word twice is refused beside the second row.
  const twice = withReplacements(valuesOf(null), "", [["cat", "dog"], ["cat", "cow"]]);
  assert.throws(() => bodyOf(twice), (e) => e instanceof ApiError && e.fieldErrors.get(replaceField("", 1, "word")) === "is replaced above already");
});

test("hashtag rules", () => {
  const values = {
    ...valuesOf(null),
    "hashtag_strategy.default.include_persona_hashtags": false,
    "hashtag_strategy.linkedin": true,
    "hashtag_strategy.linkedin.fixed": "#work, career",
    "hashtag_strategy.linkedin.max": "x",
  };
  const strategy = hashtagStrategyOf(values);
  assert.deepEqual(strategy.default, { include_persona_hashtags: false });
  assert.deepEqual(strategy.linkedin.fixed, ["#work", "career"]);
  assert.ok(Number.isNaN(strategy.linkedin.max), "garbage goes to the server as null, which says why");
});

test("JSON fields refuse what is no object", () => {
  assert.throws(() => bodyOf({ ...valuesOf(null), timing_rules: "[1]" }), (e) => e instanceof ApiError && e.fieldErrors.has("timing_rules"));
  assert.throws(() => bodyOf({ ...valuesOf(null), media_metadata: "{" }), (e) => e instanceof ApiError && e.fieldErrors.has("media_metadata"));
});

test("server errors land beside the editor's fields", () => {
  const values = withReplacements(
    { ...valuesOf(null), media_urls: "a\nb", "hashtag_strategy.default.fixed": "#ok #" },
    "instagram",
    [["kape", "x".repeat(600)]],
  );
  const problem = (errors) => new ApiError(422, "invalid", { type: "about:blank", title: "Unprocessable", status: 422, detail: "invalid", errors });
  const out = remapErrors(
    problem([
      { field: "personalization_rules.platforms.instagram.replace.kape", message: "must be text of at most 500 characters" },
      { field: "hashtag_strategy.default.fixed[1]", message: "must have more in it than '#' and spaces" },
      { field: "media_urls[1]", message: "must be a URL" },
      { field: "target_platforms[0]", message: "is not a platform" },
      { field: "template_name", message: "is required" },
    ]),
    values,
  );
  assert.equal(out.fieldErrors.get(replaceField("instagram", 0, "with")), "must be text of at most 500 characters");
  assert.equal(out.fieldErrors.get("hashtag_strategy.default.fixed"), "\"#\" must have more in it than '#' and spaces");
  assert.equal(out.fieldErrors.get("media_urls"), '"b" must be a URL');
  assert.equal(out.fieldErrors.get("target_platforms"), "is not a platform");
  assert.equal(out.fieldErrors.get("template_name"), "is required");
  const word = remapErrors(problem([{ field: "personalization_rules.platforms.instagram.replace.kape", message: "the word to replace must be 1 to 100 characters" }]), values);
  assert.equal(word.fieldErrors.get(replaceField("instagram", 0, "word")), "the word to replace must be 1 to 100 characters");
});

test("placeholders the messages name are marked where they are", () => {
  const text = "Hi {{persona.name}}, {{ persona.nickname }} from {{theme}}.";
  const segments = markPlaceholders(text, [
    "unknown placeholder {{persona.nickname}}; use persona.name, persona.primary_location, persona.demographics.KEY, persona.personality.KEY or theme",
    "the persona has no content_themes.topics to fill {{theme}}",
  ]);
  assert.deepEqual(
    segments.map((s) => [s.text, s.messages?.length ?? 0]),
    [
      ["Hi {{persona.name}}, ", 0],
      ["{{ persona.nickname }}", 1],
      [" from ", 0],
      ["{{theme}}", 1],
      [".", 0],
    ],
  );
  assert.equal(segments.map((s) => s.text).join(""), text);
  // Nothing named: one plain piece.
  assert.deepEqual(markPlaceholders("Hi {{persona.name}}", []), [{ text: "Hi {{persona.name}}" }]);
  // An unclosed "{{": from there on.
  assert.deepEqual(
    markPlaceholders("Hi {{persona.name", ['has a "{{" without a closing "}}"']).map((s) => s.text),
    ["Hi ", "{{persona.name"],
  );
});

test("long names are cut as the server cuts them", () => {
  assert.equal(quotedName("persona.x"), "{{persona.x}}");
  const long = "é".repeat(40); // 80 bytes: cut at 60, between characters
  assert.equal(quotedName(long), `{{${"é".repeat(30)}…}}`);
  const text = `a {{${long}}} b`;
  const segments = markPlaceholders(text, [`unknown placeholder ${quotedName(long)}; use …`]);
  assert.equal(segments[1].text, `{{${long}}}`);
});

test("length against the limit", () => {
  assert.equal(lengthSummary(291, 280), "291 / 280 — 11 over");
  assert.equal(lengthSummary(280, 280), "280 / 280 — 0 left");
});

test("CSV cells and the example file", () => {
  assert.equal(csvCell("plain"), "plain");
  assert.equal(csvCell('say "hi", ok'), '"say ""hi"", ok"');
  assert.equal(csvLine(["a", "b\nc"]), 'a,"b\nc"\r\n');
  const csv = exampleCsv({ persona: "Maria", account: "maria_kape", zone: "Asia/Manila" }, new Date("2026-12-02T20:00:00Z"));
  const lines = csv.trim().split("\r\n");
  assert.equal(lines[0], "persona,account,text,template,theme,local_time");
  // 2 days after 04:00 on 3 December in Manila.
  assert.equal(lines[1], `Maria,maria_kape,"Good morning! Kape muna, then work.",,,2026-12-05 08:30`);
  assert.equal(lines.length, 4);
  assert.ok(lines[3].endsWith(","), "the last row is a draft: no local time");
  const withTemplate = exampleCsv({ persona: "Maria", account: "m", zone: "UTC", templateId: "t-1" });
  assert.match(withTemplate, /Maria,m,,t-1,coffee,\d{4}-\d{2}-\d{2} 19:00/);
});
