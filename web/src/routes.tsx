// Every screen of the UI, one line each: its path pattern (":name" segments become
// params), its screen component, and `nav` when it has a place in the header (in this
// order). `public` screens need no login. See docs/web-ui.md.
import type { FunctionComponent } from "preact";
import { BulkScreen } from "./screens/bulk/BulkScreen";
import { CalendarScreen } from "./screens/calendar/CalendarScreen";
import { ComposeScreen } from "./screens/compose/ComposeScreen";
import { DueScreen } from "./screens/due/DueScreen";
import { EngagementScreen } from "./screens/engagement/EngagementScreen";
import { PostScreen } from "./screens/posts/PostScreen";
import { TemplateScreen } from "./screens/templates/TemplateScreen";
import { TemplatesScreen } from "./screens/templates/TemplatesScreen";
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
  { path: "/calendar", screen: CalendarScreen, nav: "Calendar" },
  { path: "/due", screen: DueScreen, nav: "Due" },
  // ?post=ID continues a draft; ?template=ID starts from a template.
  { path: "/compose", screen: ComposeScreen },
  { path: "/posts/import", screen: BulkScreen },
  { path: "/posts/:id", screen: PostScreen },
  { path: "/personas", screen: PersonasScreen, nav: "Personas" },
  // "new" or a persona's id: the editor.
  { path: "/personas/:id", screen: PersonaScreen },
  { path: "/personas/:id/accounts", screen: AccountsScreen },
  { path: "/accounts/:id", screen: AccountScreen },
  { path: "/templates", screen: TemplatesScreen, nav: "Templates" },
  // "new" or a template's id: the editor.
  { path: "/templates/:id", screen: TemplateScreen },
  { path: "/engagement", screen: EngagementScreen, nav: "Engagement" },
  { path: "/proxies", screen: ProxiesScreen, nav: "Proxies" },
  { path: "/sessions", screen: SessionsScreen, nav: "Sessions" },
  { path: "/activity", screen: ActivityScreen, nav: "Activity" },
  { path: "/security", screen: SecurityScreen, nav: "Security" },
  { path: "/settings", screen: SettingsScreen, nav: "Settings" },
  { path: "/login", screen: LoginScreen, public: true, bare: true },
];
