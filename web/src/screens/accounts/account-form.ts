// What the account screens share that is not markup: the platform and status choices,
// turning form text into the API's values (numbers, JSON objects, write-only secrets),
// and showing a revealed secret. Pure, so web/test/accounts.test.mjs covers it.
import { ApiError, fieldError, type Schemas } from "../../api/client";
import { instantOfLocalInput, localInputValue, rfc3339 } from "../../lib/time";

export type Account = Schemas["Account"];
export type AccountStatus = Account["account_status"];
export type VerificationLevel = Account["verification_level"];

export const accountStatuses: AccountStatus[] = ["pending", "verified", "suspended", "banned"];
export const verificationLevels: VerificationLevel[] = ["basic", "verified", "business"];

// "@maria" or "maria" → "maria": the handle without the at sign people type out of habit.
export function handle(username: string): string {
  return username.trim().replace(/^@+/, "");
}

// A free-form JSON object (credentials, settings).
export type JsonObject = Record<string, unknown>;

// The same failure with one field's errors under another name: the server judges
// `credentials` as a whole, the form asks for it in parts.
export function moveFieldError(error: unknown, from: string, to: string): unknown {
  if (!(error instanceof ApiError) || !error.problem?.errors?.some((e) => e.field === from)) return error;
  const errors = error.problem.errors.map((e) => (e.field === from ? { ...e, field: to } : e));
  return new ApiError(error.status, error.detail, { ...error.problem, errors }, error.retryAfter);
}

// A refused create or edit with each error beside the field it is about: the server's
// `credentials` (judged whole) beside the password, a 409 (the only conflict an account
// has: its username is taken on that platform) beside the username.
export function accountError(error: unknown): unknown {
  if (error instanceof ApiError && error.status === 409) return fieldError("username", error.detail);
  return moveFieldError(error, "credentials", "credentials.password");
}

// A whole number typed into `field`; else a field error (the range is the server's call).
export function wholeNumber(field: string, text: string): number {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) throw fieldError(field, "must be a whole number");
  return Number(t);
}

// A JSON object typed into `field` ("" is {}); else a field error.
export function jsonObject(field: string, text: string): JsonObject {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw fieldError(field, 'must be a JSON object, such as {"max_hashtags": 5}');
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw fieldError(field, "must be a JSON object");
  return value as Record<string, unknown>;
}

// An object's JSON for a textarea ("" for {}).
export function jsonText(value: object): string {
  return Object.keys(value).length === 0 ? "" : JSON.stringify(value, null, 2);
}

export interface CredentialParts {
  login: string;
  password: string;
  notes: string;
}

// The credentials object stored for an account: the parts filled in (undefined when
// none is), so that a reveal shows them with their names.
export function credentialsFrom(parts: CredentialParts): JsonObject | undefined {
  const out: Record<string, string> = {};
  if (parts.login.trim()) out.login = parts.login.trim();
  if (parts.password) out.password = parts.password;
  if (parts.notes.trim()) out.notes = parts.notes.trim();
  return Object.keys(out).length > 0 ? out : undefined;
}

// OAuth tokens as typed: a JSON object when the text is one ({"access_token": …}),
// else the text itself (one bare token); undefined when empty.
export function tokensFrom(text: string): JsonObject | string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (t.startsWith("{")) {
    try {
      const value: unknown = JSON.parse(t);
      if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // not JSON after all: kept as text
    }
  }
  return t;
}

const secretNames: Record<string, string> = { login: "Login", password: "Password", notes: "Other secrets" };

// A revealed secret as labelled rows (an object) or one text (a string or anything else).
export function secretRows(value: unknown): { label: string; value: string }[] | string {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>).map(([key, v]) => ({
      label: secretNames[key] ?? key,
      value: typeof v === "string" ? v : JSON.stringify(v),
    }));
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

// The edit form's values: every editable field of the account as text (or a checkbox),
// the write-only secrets empty (they are never read back).
export function editValues(a: Account, zone: string) {
  return {
    username: a.username,
    display_name: a.display_name ?? "",
    bio: a.bio ?? "",
    profile_image_url: a.profile_image_url ?? "",
    account_status: a.account_status as string,
    verification_level: a.verification_level as string,
    is_active: a.is_active,
    warning_count: String(a.warning_count),
    daily_post_limit: String(a.daily_post_limit),
    cooldown_until: localInputValue(a.cooldown_until, zone),
    follower_count: String(a.follower_count),
    following_count: String(a.following_count),
    platform_settings: jsonText(a.platform_settings),
    posting_schedule: jsonText(a.posting_schedule),
    "credentials.login": "",
    "credentials.password": "",
    "credentials.notes": "",
    auth_tokens: "",
  };
}
export type EditValues = ReturnType<typeof editValues>;

// The PATCH body: only what changed from `before` (so the activity log names what was
// edited), plus the secrets when new ones were typed. Throws a field error for text
// that is no number, no date-time or no JSON object.
export function patchOf(values: EditValues, before: EditValues, zone: string): Schemas["AccountUpdate"] {
  const patch: Schemas["AccountUpdate"] = {};
  const changed = (k: keyof EditValues) => values[k] !== before[k];
  const orNull = (text: string) => (text.trim() === "" ? null : text.trim());
  if (changed("username")) patch.username = handle(values.username);
  if (changed("display_name")) patch.display_name = orNull(values.display_name);
  if (changed("bio")) patch.bio = orNull(values.bio);
  if (changed("profile_image_url")) patch.profile_image_url = orNull(values.profile_image_url);
  if (changed("account_status")) patch.account_status = values.account_status as AccountStatus;
  if (changed("verification_level")) patch.verification_level = values.verification_level as VerificationLevel;
  if (changed("is_active")) patch.is_active = values.is_active;
  if (changed("warning_count")) patch.warning_count = wholeNumber("warning_count", values.warning_count);
  if (changed("daily_post_limit")) patch.daily_post_limit = wholeNumber("daily_post_limit", values.daily_post_limit);
  if (changed("follower_count")) patch.follower_count = wholeNumber("follower_count", values.follower_count);
  if (changed("following_count")) patch.following_count = wholeNumber("following_count", values.following_count);
  if (changed("cooldown_until")) {
    const empty = values.cooldown_until.trim() === "";
    const at = empty ? null : instantOfLocalInput(values.cooldown_until, zone);
    if (!empty && !at) throw fieldError("cooldown_until", "must be a date and a time");
    patch.cooldown_until = at ? rfc3339(at) : null;
  }
  if (changed("platform_settings")) patch.platform_settings = jsonObject("platform_settings", values.platform_settings);
  if (changed("posting_schedule")) patch.posting_schedule = jsonObject("posting_schedule", values.posting_schedule);
  const credentials = credentialsFrom({
    login: values["credentials.login"],
    password: values["credentials.password"],
    notes: values["credentials.notes"],
  });
  // New credentials replace the stored ones whole: without the password they would lose it.
  if (credentials && !values["credentials.password"]) {
    throw fieldError("credentials.password", "Enter the password too: new credentials replace all the stored ones.");
  }
  if (credentials) patch.credentials = credentials;
  const tokens = tokensFrom(values.auth_tokens);
  if (tokens !== undefined) patch.auth_tokens = tokens;
  return patch;
}
