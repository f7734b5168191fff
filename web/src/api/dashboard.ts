// GET /api/v1/dashboard with the shapes docs/dashboard.md gives: the OpenAPI document
// leaves the nested objects (proxy, live session, accounts, next post, risk factors,
// the per-severity and per-health counts) untyped, so they are named here.
import { api, type Schemas } from "./client";

export interface DashboardProxy {
  id: string;
  proxy_id: string;
  city: string;
  health_status: Schemas["Proxy"]["health_status"];
  response_time_ms: number | null;
  uptime_percentage: number | null;
  last_health_check: string | null;
}

export interface DashboardSession {
  id: string;
  session_status: "starting" | "active" | "idle";
  started_at: string;
  actions_performed: number;
  content_posted: number;
}

export interface DashboardAccount {
  id: string;
  platform_type: string;
  username: string;
  account_status: string;
  is_active: boolean;
  // Counted in the persona's own day.
  posts_today: number;
  daily_post_limit: number;
  // Only while the cooldown lasts.
  cooldown_until: string | null;
}

export interface DashboardNextPost {
  id: string;
  platform_account_id: string;
  scheduled_for: string;
  overdue: boolean;
}

export interface DashboardRiskFactor {
  factor: Schemas["RiskFactor"]["factor"];
  count: number;
  contribution: number;
}

export interface DashboardPersona {
  id: string;
  name: string;
  status: string;
  timezone: string;
  total_posts: number;
  last_active: string | null;
  proxy: DashboardProxy | null;
  live_session: DashboardSession | null;
  accounts: DashboardAccount[];
  next_due_post: DashboardNextPost | null;
  // The contributing factors only, largest first.
  risk: { score: number; factors: DashboardRiskFactor[] };
}

export interface DashboardTotals {
  personas: number;
  active_personas: number;
  accounts: number;
  posts_today: number;
  daily_post_capacity: number;
  live_sessions: number;
  posts_due: number;
  posts_scheduled: number;
  proxies_unassigned: number;
  unresolved_security_events: Record<string, number>;
  proxies_by_health: Record<string, number>;
}

export interface DashboardView {
  generated_at: string;
  personas: DashboardPersona[];
  totals: DashboardTotals;
}

export async function loadDashboard(signal?: AbortSignal): Promise<DashboardView> {
  const raw = await api.get("/api/v1/dashboard", { signal });
  // The server builds exactly these members (src/storage/pg/dashboard_store.cpp);
  // only the absent-or-empty cases are filled in.
  const view = raw as unknown as DashboardView;
  return {
    generated_at: view.generated_at,
    personas: (view.personas ?? []).map((p) => ({
      ...p,
      accounts: p.accounts ?? [],
      risk: { score: p.risk?.score ?? 0, factors: p.risk?.factors ?? [] },
    })),
    totals: {
      ...view.totals,
      unresolved_security_events: view.totals?.unresolved_security_events ?? {},
      proxies_by_health: view.totals?.proxies_by_health ?? {},
    },
  };
}
