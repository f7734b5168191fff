// The shell: skip link, header with the navigation and the logout button, the banner
// while the generated admin password is unchanged, and the main landmark holding the
// screen of the current path. Unauthenticated visitors go to /login?next=….
import { useEffect } from "preact/hooks";
import { describeError } from "./api/client";
import { loadMe, logout, me } from "./api/session";
import { Banner, Link } from "./components";
import { currentTarget, location, matchPath, navigate } from "./lib/router";
import { routes, type RouteDef } from "./routes";
import { NotFoundScreen } from "./screens/not-found/NotFoundScreen";
import { signal } from "@preact/signals";

const startupError = signal<string | null>(null);

function resolve(path: string): { route: RouteDef | null; params: Record<string, string> } {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return { route: null, params: {} };
}

function isCurrent(navPath: string, path: string): boolean {
  return navPath === "/" ? path === "/" : path === navPath || path.startsWith(navPath + "/");
}

export function App() {
  useEffect(() => {
    loadMe().catch((e: unknown) => {
      startupError.value = describeError(e);
    });
  }, []);

  const path = location.value.path;
  const { route, params } = resolve(path);
  const user = me.value;

  // Where the user must be, once we know who they are. The path is read again here: a
  // navigation (the logout's) may have happened since this render.
  useEffect(() => {
    if (user === null && !resolve(window.location.pathname).route?.public) {
      navigate("/login?next=" + encodeURIComponent(currentTarget()), { replace: true });
    }
  }, [user, route]);

  if (startupError.value) {
    return (
      <main id="main" class="login">
        <div class="login-card" role="alert">
          <h1>Persona cannot start</h1>
          <p>{startupError.value}</p>
          <button type="button" onClick={() => window.location.reload()}>
            Try again
          </button>
        </div>
      </main>
    );
  }
  if (route?.bare) {
    const Bare = route.screen;
    return (
      <main id="main">
        <Bare params={params} />
      </main>
    );
  }
  if (!user) {
    return (
      <main id="main">
        <p class="list-state" role="status">
          Loading…
        </p>
      </main>
    );
  }

  const Current = route?.screen ?? NotFoundScreen;
  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="app-header">
        <Link class="brand" href="/">
          Persona
        </Link>
        <nav aria-label="Main">
          <ul>
            {routes
              .filter((r) => r.nav)
              .map((r) => (
                <li key={r.path}>
                  <Link href={r.path} aria-current={isCurrent(r.path, path) ? "page" : undefined}>
                    {r.nav}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div class="app-user">
          <span class="app-email">{user.email}</span>
          <button
            type="button"
            onClick={async () => {
              await logout().catch(() => undefined);
              navigate("/login", { replace: true });
            }}
          >
            Log out
          </button>
        </div>
      </header>
      {user.password_change_required ? (
        <Banner kind="warning">
          You are still using the generated admin password. <Link href="/settings">Change it in Settings</Link>, then
          delete the <code>admin-password</code> file of the data directory.
        </Banner>
      ) : null}
      <main id="main" tabIndex={-1}>
        <Current key={path} params={params} />
      </main>
    </>
  );
}
