// Names shown for the API's codes: activity types and security event types (platforms:
// lib/platforms.ts).
import type { Schemas } from "../../api/client";

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

// The rows the server writes for its own changes and jobs (source "system"). The API
// filters by any type; these are the ones it writes today.
export const systemTypeLabels: Record<string, string> = {
  login: "Logged in",
  logout: "Logged out",
  password_change: "Password changed",
  "2fa_setup": "Two-factor setup started",
  "2fa_enable": "Two-factor turned on",
  "2fa_disable": "Two-factor turned off",
  api_token_create: "API token created",
  api_token_revoke: "API token revoked",
  persona_create: "Persona created",
  persona_update: "Persona updated",
  persona_delete: "Persona deleted",
  account_create: "Account added",
  account_update: "Account updated",
  account_delete: "Account deleted",
  account_reveal: "Credentials revealed",
  proxy_create: "Proxy added",
  proxy_update: "Proxy updated",
  proxy_delete: "Proxy deleted",
  proxy_assign: "Proxy assigned",
  proxy_release: "Proxy released",
  proxy_check: "Proxy checked",
  post_create: "Post planned",
  post_update: "Post updated",
  post_delete: "Post deleted",
  post_publish: "Post published",
  post_engagement: "Engagement recorded",
  template_create: "Template created",
  template_update: "Template updated",
  template_delete: "Template deleted",
  session_start: "Session started",
  session_update: "Session updated",
  session_error: "Session error",
  session_end: "Session ended",
  security_event_resolve: "Security event resolved",
};
export const systemTypes = Object.keys(systemTypeLabels);

export function activityTypeLabel(type: string): string {
  if (type in manualTypeLabels) return manualTypeLabels[type as ManualType];
  return systemTypeLabels[type] ?? humanize(type);
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
