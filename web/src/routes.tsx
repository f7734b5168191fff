// Every screen of the UI, one line each: its path pattern (":name" segments become
// params), its screen component, and `nav` when it has a place in the header (in this
// order). `public` screens need no login. See docs/web-ui.md.
import type { FunctionComponent } from "preact";
import { comingScreen } from "./screens/coming/ComingScreen";
import { LoginScreen } from "./screens/login/LoginScreen";
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
  { path: "/personas", screen: comingScreen("Personas"), nav: "Personas" },
  { path: "/personas/:id", screen: comingScreen("Persona") },
  { path: "/proxies", screen: comingScreen("Proxies"), nav: "Proxies" },
  { path: "/sessions", screen: comingScreen("Sessions"), nav: "Sessions" },
  { path: "/activity", screen: comingScreen("Activity log"), nav: "Activity" },
  { path: "/security", screen: comingScreen("Security events"), nav: "Security" },
  { path: "/settings", screen: comingScreen("Settings"), nav: "Settings" },
  { path: "/login", screen: LoginScreen, public: true, bare: true },
];
