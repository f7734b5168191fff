// What each risk factor (docs/risk.md) means, in words, and which screen deals with it.
import type { DashboardRiskFactor } from "../../api/dashboard";
import { plural } from "../../lib/text";

export interface FactorWords {
  text: string;
  // Where the operator goes to act on it.
  href: string;
  linkText: string;
}

export function describeFactor(f: DashboardRiskFactor, personaId: string): FactorWords {
  const n = f.count;
  const accounts = { href: `/personas/${personaId}/accounts`, linkText: "Accounts" };
  const security = { href: "/security", linkText: "Security" };
  switch (f.factor) {
    case "account_warnings":
      return { text: `${plural(n, "platform warning", "platform warnings")} on its accounts.`, ...accounts };
    case "accounts_suspended":
      return { text: `${plural(n, "account is", "accounts are")} suspended by the platform.`, ...accounts };
    case "accounts_banned":
      return { text: `${plural(n, "account is", "accounts are")} banned by the platform.`, ...accounts };
    case "security_events_critical":
      return { text: `${plural(n, "critical security event", "critical security events")} not yet resolved.`, ...security };
    case "security_events_error":
      return { text: `${plural(n, "security error", "security errors")} not yet resolved.`, ...security };
    case "security_events_warning":
      return { text: `${plural(n, "security warning", "security warnings")} not yet resolved.`, ...security };
    case "limit_hits":
      return {
        text: `${plural(n, "publication was", "publications were")} refused by a daily limit or cooldown (unresolved).`,
        ...security,
      };
    case "session_errors":
      return { text: `${plural(n, "error", "errors")} in its last 5 work sessions.`, href: "/sessions", linkText: "Sessions" };
    case "proxy_failed":
      return { text: "Its proxy failed its last health check.", href: "/proxies", linkText: "Proxies" };
    case "proxy_degraded":
      return { text: "Its proxy was degraded at its last health check.", href: "/proxies", linkText: "Proxies" };
    case "proxy_missing":
      return {
        text: "No proxy assigned: its traffic would share your own address.",
        href: "/proxies",
        linkText: "Proxies",
      };
  }
}

// Bands for the colour of the score's bar only; the number is always shown beside it.
export function riskBand(score: number): "low" | "raised" | "high" {
  if (score >= 0.5) return "high";
  if (score >= 0.25) return "raised";
  return "low";
}

export function formatScore(score: number): string {
  return score.toFixed(2);
}
