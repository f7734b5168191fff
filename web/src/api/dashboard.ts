// GET /api/v1/dashboard (docs/dashboard.md): the names of its parts, for the Today screen.
import { api, type Schemas } from "./client";

export type DashboardView = Schemas["Dashboard"];
export type DashboardPersona = Schemas["DashboardPersona"];
export type DashboardProxy = Schemas["DashboardProxy"];
export type DashboardSession = Schemas["DashboardSession"];
export type DashboardAccount = Schemas["DashboardAccount"];
export type DashboardTotals = Schemas["Dashboard"]["totals"];
export type DashboardRiskFactor = Schemas["DashboardPersona"]["risk"]["factors"][number];

export function loadDashboard(signal?: AbortSignal): Promise<DashboardView> {
  return api.get("/api/v1/dashboard", { signal });
}
