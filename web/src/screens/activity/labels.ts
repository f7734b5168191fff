// Names shown for the API's codes: platforms, activity types, security event types.
import type { Schemas } from "../../api/client";

// The platforms of the OpenAPI enum. "x" is the server's alias of twitter (stored as
// twitter), so it is no choice of its own: the twitter entry is labelled X.
export type Platform = Exclude<Schemas["ManualActionCreate"]["platform_type"], "x">;
export const platformLabels: Record<Platform, string> = {
  twitter: "X (Twitter)",
  instagram: "Instagram",
  tiktok: "TikTok",
  linkedin: "LinkedIn",
};
export const platforms = Object.keys(platformLabels) as Platform[];

export function platformLabel(platform: string | null | undefined): string {
  if (!platform) return "No platform";
  if (platform === "x") return platformLabels.twitter;
  return platform in platformLabels ? platformLabels[platform as Platform] : platform;
}

// What POST /activity accepts (docs/activity.md).
export type ManualType = Schemas["ManualActionCreate"]["activity_type"];
export const manualTypeLabels: Record<ManualType, string> = {
  comment: "Comment",
  like: "Like",
  follow: "Follow",
  unfollow: "Unfollow",
  share: "Share",
  reply: "Reply",
  direct_message: "Direct message",
  story_view: "Story view",
  profile_visit: "Profile visit",
  save: "Save",
  other: "Other",
};
export const manualTypes = Object.keys(manualTypeLabels) as ManualType[];

// The rows the server writes for its own changes and jobs (source "system"); the API
// filters by any type, these are the ones it writes today.
export const systemTypes = [
  "persona_create",
  "persona_update",
  "persona_delete",
  "account_create",
  "account_update",
  "account_delete",
  "account_reveal",
  "proxy_create",
  "proxy_update",
  "proxy_delete",
  "proxy_assign",
  "proxy_release",
  "proxy_check",
  "post_create",
  "post_update",
  "post_delete",
  "post_publish",
  "post_engagement",
  "template_create",
  "template_update",
  "template_delete",
  "session_start",
  "session_update",
  "session_error",
  "session_end",
  "security_event_resolve",
];

export function activityTypeLabel(type: string): string {
  return type in manualTypeLabels ? manualTypeLabels[type as ManualType] : humanize(type);
}

// The security event types the server raises (the SecurityEvent schema's description,
// docs/activity.md); the filter accepts any.
export const securityEventLabels: Record<string, string> = {
  login_failure: "Failed login",
  account_locked: "Account locked",
  login_throttled: "Logins throttled",
  secret_revealed: "Credentials revealed",
  reauth_failure: "Wrong password to reveal credentials",
  limit_hit: "Posting limit hit",
  proxy_failure: "Proxy failing",
  suspicious_activity: "Suspicious activity",
};
export const securityEventTypes = Object.keys(securityEventLabels);

export function securityEventLabel(type: string): string {
  return securityEventLabels[type] ?? humanize(type);
}

// Names of the members of activity_data and event_data that read better than their code.
const dataLabels: Record<string, string> = {
  platform_type: "Platform",
  persona_id: "Persona",
  account_id: "Account",
  activity_id: "Activity",
  session_id: "Session",
  actions_last_hour: "Actions in the last hour",
  actions_previous_week: "Actions in the 7 days before",
  url: "Link",
};

export function dataLabel(key: string): string {
  return dataLabels[key] ?? humanize(key);
}

// "account_id" → "Account id", "secret_revealed" → "Secret revealed".
export function humanize(code: string): string {
  const text = code.replace(/_/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
