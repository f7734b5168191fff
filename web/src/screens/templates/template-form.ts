// The template editor's values: one flat form value per control, keyed by the server's
// JSON path where there is one ("personalization_rules.prefix",
// "hashtag_strategy.twitter.max"), so the problem+json errors land beside their fields.
// Rows of replacements are numbered ("personalization_rules.replace[0].word"): the
// server names them by their word, and remapErrors finds the row. No UI here.
import { ApiError, fieldError, type Schemas } from "../../api/client";
import type { FieldValue } from "../../components/form-state";
import { jsonObject, jsonText } from "../accounts/account-form";

export type Template = Schemas["Template"];
export type TemplateCreate = Schemas["TemplateCreate"];
export type TemplateUpdate = Schemas["TemplateUpdate"];
export type Values = Record<string, FieldValue>;
export type ContentType = Template["content_type"];
export type Platform = Template["target_platforms"][number];
type JsonObject = Record<string, unknown>;

export const platformNames: Platform[] = ["twitter", "instagram", "tiktok", "linkedin"];
export const contentTypes: ContentType[] = ["text", "image", "video", "carousel"];
// The hashtag rule every platform without its own uses, then the platforms'.
export const hashtagScopes = ["default", ...platformNames] as const;
export type HashtagScope = (typeof hashtagScopes)[number];
// Where personalization rules live: the general ones ("") and each platform's.
export type RulesScope = "" | Platform;

// The hashtags a platform takes when its rule sets no max (docs/templates-and-proxies.md).
export const defaultMaxHashtags: Record<Platform, number> = { twitter: 2, instagram: 10, tiktok: 5, linkedin: 3 };

// "personalization_rules" or "personalization_rules.platforms.twitter".
export function rulesPath(scope: RulesScope): string {
  return scope === "" ? "personalization_rules" : `personalization_rules.platforms.${scope}`;
}

export function replaceField(scope: RulesScope, index: number, part: "word" | "with"): string {
  return `${rulesPath(scope)}.replace[${index}].${part}`;
}

// The toggle "this platform has a rule of its own" (the default rule always applies).
export function ownRuleField(scope: HashtagScope): string {
  return `hashtag_strategy.${scope}`;
}

export function platformField(platform: Platform): string {
  return `target_platforms.${platform}`;
}

export function personaField(id: string): string {
  return `target_personas.${id}`;
}

function text(v: FieldValue | undefined): string {
  return typeof v === "string" ? v : "";
}

function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

// ---------------------------------------------------------------- replacements

// The replacement rows of a scope, in order: [word, replacement].
export function replacementsOf(values: Values, scope: RulesScope): [string, string][] {
  const rows: [string, string][] = [];
  for (let i = 0; replaceField(scope, i, "word") in values; i++) {
    rows.push([text(values[replaceField(scope, i, "word")]), text(values[replaceField(scope, i, "with")])]);
  }
  return rows;
}

// `values` with the rows of `scope` replaced by `rows` (numbered from 0 again).
export function withReplacements(values: Values, scope: RulesScope, rows: readonly [string, string][]): Values {
  const prefix = `${rulesPath(scope)}.replace[`;
  const next: Values = {};
  for (const [key, value] of Object.entries(values)) if (!key.startsWith(prefix)) next[key] = value;
  rows.forEach(([word, replacement], i) => {
    next[replaceField(scope, i, "word")] = word;
    next[replaceField(scope, i, "with")] = replacement;
  });
  return next;
}

// ---------------------------------------------------------------- Template → values

function ruleValues(values: Values, scope: RulesScope, rules: unknown): Values {
  const r = isObject(rules) ? rules : {};
  values[`${rulesPath(scope)}.prefix`] = str(r.prefix);
  values[`${rulesPath(scope)}.suffix`] = str(r.suffix);
  const replace = isObject(r.replace) ? r.replace : {};
  return withReplacements(
    values,
    scope,
    Object.entries(replace).map(([word, replacement]) => [word, str(replacement)]),
  );
}

function hashtagValues(values: Values, scope: HashtagScope, rule: unknown): void {
  const r = isObject(rule) ? rule : {};
  values[ownRuleField(scope)] = scope === "default" || isObject(rule);
  values[`hashtag_strategy.${scope}.fixed`] = Array.isArray(r.fixed) ? r.fixed.map(String).join(" ") : "";
  values[`hashtag_strategy.${scope}.include_persona_hashtags`] = r.include_persona_hashtags !== false;
  values[`hashtag_strategy.${scope}.max`] = typeof r.max === "number" ? String(r.max) : "";
}

// The values of a template; `personas` are the ids offered as targets (all the user's).
export function valuesOf(t: Template | null, personas: readonly string[] = []): Values {
  let values: Values = {
    template_name: t?.template_name ?? "",
    content_type: t?.content_type ?? "text",
    is_active: t?.is_active ?? true,
    template_text: t?.template_text ?? "",
    media_urls: (t?.media_urls ?? []).join("\n"),
    media_metadata: jsonText(t?.media_metadata ?? {}),
    timing_rules: jsonText(t?.timing_rules ?? {}),
  };
  const targets = t?.target_platforms ?? ["twitter"];
  for (const p of platformNames) values[platformField(p)] = targets.includes(p);
  const chosen = new Set(t?.target_personas ?? []);
  for (const id of new Set([...personas, ...chosen])) values[personaField(id)] = chosen.has(id);

  const rules = isObject(t?.personalization_rules) ? t.personalization_rules : {};
  values = ruleValues(values, "", rules);
  const byPlatform = isObject(rules.platforms) ? rules.platforms : {};
  // "x" is stored as twitter by the server; an older "x" key is read as twitter.
  for (const p of platformNames) values = ruleValues(values, p, byPlatform[p] ?? (p === "twitter" ? byPlatform.x : undefined));

  const strategy = isObject(t?.hashtag_strategy) ? t.hashtag_strategy : {};
  for (const scope of hashtagScopes) hashtagValues(values, scope, strategy[scope] ?? (scope === "twitter" ? strategy.x : undefined));
  return values;
}

// ---------------------------------------------------------------- values → body

// The rule set of a scope; undefined when it says nothing. Rows with neither a word nor
// a replacement are blank lines of the editor, not rules. With `strict`, a word given
// twice is refused beside the second (an object holds it once; the first would vanish).
function rulesOf(values: Values, scope: RulesScope, strict: boolean): JsonObject | undefined {
  const out: JsonObject = {};
  const replace: Record<string, string> = {};
  replacementsOf(values, scope).forEach(([word, replacement], i) => {
    if (word === "" && replacement === "") return;
    if (strict && word in replace) throw fieldError(replaceField(scope, i, "word"), "is replaced above already");
    replace[word] = replacement;
  });
  if (Object.keys(replace).length > 0) out.replace = replace;
  const prefix = text(values[`${rulesPath(scope)}.prefix`]).trim();
  const suffix = text(values[`${rulesPath(scope)}.suffix`]).trim();
  if (prefix) out.prefix = prefix;
  if (suffix) out.suffix = suffix;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function personalizationRulesOf(values: Values, strict = false): JsonObject {
  const rules = rulesOf(values, "", strict) ?? {};
  const platforms: JsonObject = {};
  for (const p of platformNames) {
    const own = rulesOf(values, p, strict);
    if (own) platforms[p] = own;
  }
  if (Object.keys(platforms).length > 0) rules.platforms = platforms;
  return rules;
}

// "#food, #pinoy #kain" → ["#food", "#pinoy", "#kain"]: a hashtag holds no spaces
// (the server removes them), so spaces and commas both separate them.
export function splitHashtags(s: string): string[] {
  return s
    .split(/[\s,]+/)
    .map((h) => h.trim())
    .filter((h) => h !== "");
}

// A number field: absent when empty, else the number typed. Garbage becomes NaN, which
// JSON sends as null and the server refuses beside the field with its own message.
function numberOf(v: FieldValue | undefined): number | undefined {
  const s = text(v).trim();
  return s === "" ? undefined : Number(s);
}

function hashtagRuleOf(values: Values, scope: HashtagScope): JsonObject | undefined {
  if (scope !== "default" && values[ownRuleField(scope)] !== true) return undefined;
  const rule: JsonObject = {};
  const fixed = splitHashtags(text(values[`hashtag_strategy.${scope}.fixed`]));
  if (fixed.length > 0) rule.fixed = fixed;
  if (values[`hashtag_strategy.${scope}.include_persona_hashtags`] === false) rule.include_persona_hashtags = false;
  const max = numberOf(values[`hashtag_strategy.${scope}.max`]);
  if (max !== undefined) rule.max = max;
  // A platform's own rule counts even when empty: it replaces the default one whole.
  if (scope === "default" && Object.keys(rule).length === 0) return undefined;
  return rule;
}

export function hashtagStrategyOf(values: Values): JsonObject {
  const strategy: JsonObject = {};
  for (const scope of hashtagScopes) {
    const rule = hashtagRuleOf(values, scope);
    if (rule) strategy[scope] = rule;
  }
  return strategy;
}

function lines(s: string): string[] {
  return s
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

// The request body of the values. Throws a field error for what the server could not
// even be asked (JSON that does not parse, a replacement word given twice).
export function bodyOf(values: Values): TemplateCreate {
  const templateText = text(values.template_text);
  return {
    template_name: text(values.template_name).trim(),
    content_type: text(values.content_type) as ContentType,
    is_active: values.is_active === true,
    template_text: templateText.trim() === "" ? null : templateText,
    target_platforms: platformNames.filter((p) => values[platformField(p)] === true),
    target_personas: Object.keys(values)
      .filter((k) => k.startsWith("target_personas.") && values[k] === true)
      .map((k) => k.slice("target_personas.".length))
      .sort(),
    media_urls: lines(text(values.media_urls)),
    media_metadata: jsonObject("media_metadata", text(values.media_metadata)),
    timing_rules: jsonObject("timing_rules", text(values.timing_rules)),
    personalization_rules: personalizationRulesOf(values, true),
    hashtag_strategy: hashtagStrategyOf(values),
  };
}

// The members of `next` that differ from `before`: a PATCH changes only those.
export function changesOf(next: TemplateCreate, before: TemplateCreate): TemplateUpdate {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify((before as Record<string, unknown>)[key])) out[key] = value;
  }
  return out as TemplateUpdate;
}

// ---------------------------------------------------------------- errors

// The editor's field for a server path, and the message to show there.
export function fieldOfError(values: Values, field: string, message: string): { field: string; message: string } {
  // target_platforms[1], target_personas[0], media_urls[2]: beside the list's control.
  const item = /^(target_platforms|target_personas|media_urls|hashtag_strategy\.\w+\.fixed)\[(\d+)\]$/.exec(field);
  if (item && item[1] !== undefined) {
    const list = item[1];
    const index = Number(item[2]);
    if (list === "media_urls") {
      const url = lines(text(values.media_urls))[index];
      return { field: list, message: url !== undefined ? `"${url}" ${message}` : message };
    }
    if (list.startsWith("hashtag_strategy.")) {
      const tag = splitHashtags(text(values[list]))[index];
      return { field: list, message: tag !== undefined ? `"${tag}" ${message}` : message };
    }
    return { field: list, message };
  }
  // personalization_rules[.platforms.P].replace.WORD: the row of that word.
  const replace = /^personalization_rules(?:\.platforms\.(\w+))?\.replace\.(.*)$/s.exec(field);
  if (replace) {
    const scope = (replace[1] ?? "") as RulesScope;
    const word = replace[2] ?? "";
    const row = replacementsOf(values, scope).findIndex(([w]) => w === word);
    if (row >= 0) return { field: replaceField(scope, row, message.startsWith("the word") ? "word" : "with"), message };
  }
  return { field, message };
}

export function remapErrors(error: unknown, values: Values): unknown {
  if (!(error instanceof ApiError) || !error.problem?.errors?.length) return error;
  const errors = error.problem.errors.map((e) => fieldOfError(values, e.field, e.message));
  return new ApiError(error.status, error.detail, { ...error.problem, errors }, error.retryAfter);
}
