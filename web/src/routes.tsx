// Every screen of the UI, one line each: its path pattern (":name" segments become
// params), its screen component, and `nav` when it has a place in the header (in this
// order). `public` screens need no login. See docs/web-ui.md.
import type { FunctionComponent } from "preact";
import { AccountScreen } from "./screens/accounts/AccountScreen";
import { AccountsScreen } from "./screens/accounts/AccountsScreen";
import { ActivityScreen } from "./screens/activity/ActivityScreen";
import { LoginScreen } from "./screens/login/LoginScreen";
import { PersonaScreen } from "./screens/personas/PersonaScreen";
import { PersonasScreen } from "./screens/personas/PersonasScreen";
import { ProxiesScreen } from "./screens/proxies/ProxiesScreen";
import { SecurityScreen } from "./screens/security/SecurityScreen";
import { SessionsScreen } from "./screens/sessions/SessionsScreen";
import { SettingsScreen } from "./screens/settings/SettingsScreen";
import { TodayScreen } from "./screens/today/TodayScreen";

export interface ScreenProps {
  params: Record<string, string>;
}

export interface RouteDef {
  path: string;
  screen: FunctionComponent<ScreenProps>;
  nav?: string;
  public?: boolean;
  // Shown without the header and its navigation (the login).
  bare?: boolean;
}

export const routes: RouteDef[] = [
  { path: "/", screen: TodayScreen, nav: "Today" },
  { path: "/personas", screen: PersonasScreen, nav: "Personas" },
  // "new" or a persona's id: the editor.
  { path: "/personas/:id", screen: PersonaScreen },
  { path: "/personas/:id/accounts", screen: AccountsScreen },
  { path: "/accounts/:id", screen: AccountScreen },
  { path: "/proxies", screen: ProxiesScreen, nav: "Proxies" },
  { path: "/sessions", screen: SessionsScreen, nav: "Sessions" },
  { path: "/activity", screen: ActivityScreen, nav: "Activity" },
  { path: "/security", screen: SecurityScreen, nav: "Security" },
  { path: "/settings", screen: SettingsScreen, nav: "Settings" },
  { path: "/login", screen: LoginScreen, public: true, bare: true },
];
