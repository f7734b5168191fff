// Sessions: a session started in the UI shows a timer that runs; ending it records an
// ended session (checked through the API) and lists it with its duration; a second live
// session for one persona is refused by the server (409), and the screen says so and
// shows the live one.
import { apiCall, assert, assertEqual, visible } from "../harness.mjs";

const user = { email: "sessions-journey@example.com", password: "sessions journey passphrase 4" };

const personaBody = (name, timezone) => ({
  name,
  primary_location: "Manila",
  timezone,
  demographics: {},
  personality: {},
  activity_schedule: {},
  content_themes: {},
  engagement_style: {},
});

export async function run({ page, context, server, screen, baseURL }) {
  server.persona(["user", "add", "--email", user.email, "--password-stdin"], user.password);
  await apiCall(context, baseURL, "POST", "/api/v1/auth/login", user);
  const sam = await apiCall(context, baseURL, "POST", "/api/v1/personas", personaBody("Sam Sessions", "Asia/Manila"));
  await apiCall(context, baseURL, "POST", "/api/v1/personas", personaBody("Rita Sessions", "America/New_York"));

  await page.goto("/sessions");
  await visible(page.getByRole("heading", { name: "Sessions", exact: true }));
  const card = page.getByRole("article", { name: "Sam Sessions" });
  await visible(card.getByText("No live session."));
  await visible(page.getByText("No session has ended yet."));

  // Start: the timer runs.
  await card.getByRole("button", { name: "Start session as Sam Sessions" }).click();
  const timer = card.getByRole("timer");
  await visible(timer);
  const before = (await timer.textContent()) ?? "";
  assert(/^0:0\d$/.test(before), `the timer starts near zero: "${before}"`);
  await page.waitForFunction(
    ([el, text]) => el.textContent !== text,
    [await timer.elementHandle(), before],
    { timeout: 5000 },
  );
  const after = (await timer.textContent()) ?? "";
  assert(after > before, `the timer moves on: "${before}" then "${after}"`);
  await visible(card.getByText("starting", { exact: true }));
  const started = (await card.locator("time").first().textContent()) ?? "";
  assert(started.includes("Asia/Manila"), `the start time is in the persona's zone: "${started}"`);
  let live = await apiCall(context, baseURL, "GET", `/api/v1/sessions?persona_id=${sam.id}&status=live`);
  assertEqual(live.items.length, 1, "one live session for Sam");
  assertEqual(live.items[0].session_status, "starting", "a new session is starting");
  const first = live.items[0].id;
  await screen("sessions");

  // End it: the card offers Start again, and the session is ended on the server.
  await card.getByRole("button", { name: "End session of Sam Sessions" }).click();
  await visible(card.getByText("No live session."));
  const ended = await apiCall(context, baseURL, "GET", `/api/v1/sessions/${first}`);
  assertEqual(ended.session_status, "ended", "the session is ended");
  assertEqual(ended.end_reason, "manual", "ended by hand");
  assertEqual(ended.duration_minutes, 0, "it lasted under a minute");
  const recent = page.getByRole("table", { name: "Ended sessions" });
  const row = recent.getByRole("row").filter({ hasText: "Sam Sessions" });
  await visible(row);
  await visible(row.getByText("under 1 min"));
  await visible(row.getByText("ended by you"));

  // A live session started elsewhere (here: through the API) makes the screen's Start a
  // conflict: the server's answer is shown, and so is the live session.
  // This time Sam has a proxy, which the session records and the card names.
  const proxy = await apiCall(context, baseURL, "POST", "/api/v1/proxies", {
    proxy_id: "sessions-pc-1",
    proxy_ip: "127.0.0.1",
    proxy_port: 9,
    proxy_username: "sam",
    proxy_password: "sessions-secret",
    city: "Manila",
  });
  await apiCall(context, baseURL, "PUT", `/api/v1/personas/${sam.id}/proxy`, { proxy: proxy.id });
  const other = await apiCall(context, baseURL, "POST", `/api/v1/personas/${sam.id}/sessions`, {});
  await card.getByRole("button", { name: "Start session as Sam Sessions" }).click();
  await visible(card.getByRole("alert").filter({ hasText: "the persona already has a live session; end it first" }));
  await visible(card.getByRole("timer"));
  await visible(card.getByText("sessions-pc-1", { exact: true }));
  assertEqual(other.proxy_id, proxy.id, "the session records the persona's proxy");

  // Idle (the server's sweep sets it after 10 minutes without an action; PATCH here).
  await apiCall(context, baseURL, "PATCH", `/api/v1/sessions/${other.id}`, { session_status: "idle" });
  await page.reload();
  await visible(card.getByText("idle", { exact: true }));
  await visible(card.getByText("Idle: no action recorded lately"));
  await card.getByRole("button", { name: "End session of Sam Sessions" }).click();
  await visible(card.getByText("No live session."));
  assertEqual((await apiCall(context, baseURL, "GET", `/api/v1/sessions/${other.id}`)).session_status, "ended", "the other one ended");
  live = await apiCall(context, baseURL, "GET", `/api/v1/sessions?status=live`);
  assertEqual(live.items.length, 0, "no live session left");
  await visible(recent.getByRole("row").filter({ hasText: "Sam Sessions" }).nth(1));
  await screen("sessions-ended");
}
