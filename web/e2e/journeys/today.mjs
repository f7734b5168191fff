// Today (home): a new user sees the first step; with two personas in different zones,
// an account with a publication and a scheduled post, a proxy and a live session, each
// card shows its local time, "1 / N" posts today, the next post in the persona's zone,
// the late engagement checkpoint, a running session timer and the risk factors in
// words; the totals add up; links lead to their screens; the data refreshes by itself.
import { apiCall, assert, assertEqual, atPath, visible } from "../harness.mjs";

const user = { email: "today-journey@example.com", password: "today journey passphrase" };
const MINUTE = 60_000;

// "14:05 Asia/Manila", as TimeInZone writes a time of today in that zone.
function hhmm(instant, zone) {
  return new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}
function localDate(instant, zone) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(instant);
}

async function newPersona(call, name, timezone, location) {
  return call("POST", "/api/v1/personas", {
    name,
    status: "active",
    demographics: { age: 29 },
    personality: {},
    primary_location: location,
    timezone,
    activity_schedule: {},
    content_themes: {},
    engagement_style: {},
  });
}

export async function run({ page, context, server, screen, baseURL }) {
  server.persona(["user", "add", "--email", user.email, "--password-stdin"], user.password);
  await apiCall(context, baseURL, "POST", "/api/v1/auth/login", user);
  const call = (method, path, body) => apiCall(context, baseURL, method, path, body);

  // No personas yet: a friendly first step.
  await page.goto("/");
  await visible(page.getByRole("heading", { name: "Welcome to Persona" }));
  const firstStep = page.getByRole("link", { name: "Create your first persona" });
  await visible(firstStep);
  assertEqual(await firstStep.getAttribute("href"), "/personas/new", "the first step leads to the persona editor");
  await screen("today-empty");

  // Two personas in different zones. The account, its posts, proxy and session go to the
  // one whose local day holds both the publication (100 minutes ago) and the next post
  // (in an hour), so "today" means the same day for all of them whenever this runs.
  const now = Date.now();
  const zones = ["Asia/Manila", "America/New_York"];
  const sameDay = (zone) =>
    localDate(new Date(now - 100 * MINUTE), zone) === localDate(new Date(now + 60 * MINUTE), zone);
  const mainZone = zones.find(sameDay);
  assert(mainZone, "one of the two zones keeps the journey's times on one day");
  const otherZone = zones.find((z) => z !== mainZone);
  const main = await newPersona(call, "Today Marisol", mainZone, "Manila");
  const other = await newPersona(call, "Today Nathan", otherZone, "New York");

  const account = await call("POST", `/api/v1/personas/${main.id}/accounts`, {
    platform_type: "twitter",
    username: "today_marisol",
    credentials: { password: "not a real one" },
    daily_post_limit: 5,
  });
  // Published 100 minutes ago: its 1-hour engagement checkpoint is 40 minutes overdue,
  // past the 30 minutes of grace, so late (and not yet missed).
  const published = await call("POST", "/api/v1/posts", {
    platform_account_id: account.id,
    final_content: "Morning walk along the bay.",
    creation_started_at: new Date(now - 110 * MINUTE).toISOString(),
  });
  await call("POST", `/api/v1/posts/${published.id}/publish`, {
    platform_post_id: "today-1",
    published_at: new Date(now - 100 * MINUTE).toISOString(),
  });
  const nextAt = new Date(Math.ceil((now + 60 * MINUTE) / MINUTE) * MINUTE);
  await call("POST", "/api/v1/posts", {
    platform_account_id: account.id,
    final_content: "Sunset from the pier tonight.",
    scheduled_for: nextAt.toISOString(),
  });
  // Two platform warnings (a risk factor) and a cooldown for the next three hours.
  const coolUntil = new Date(Math.ceil((now + 180 * MINUTE) / MINUTE) * MINUTE);
  await call("PATCH", `/api/v1/accounts/${account.id}`, { warning_count: 2, cooldown_until: coolUntil.toISOString() });

  const proxy = await call("POST", "/api/v1/proxies", {
    proxy_id: "today-px-1",
    proxy_ip: "127.0.0.1",
    proxy_port: 9,
    proxy_username: "today",
    proxy_password: "today-secret",
    city: "Manila",
  });
  await call("PUT", `/api/v1/personas/${main.id}/proxy`, { proxy: proxy.id });
  await call("POST", `/api/v1/personas/${main.id}/sessions`, {});

  const due = await call("GET", "/api/v1/posts/due");
  const checkpoint = due.items.find((d) => d.kind === "engagement" && d.post.id === published.id);
  assert(checkpoint?.window === "immediate" && checkpoint.late === true, "the server lists the 1-hour checkpoint as late");

  await page.reload();
  const mainCard = page.getByRole("article", { name: "Today Marisol" });
  const otherCard = page.getByRole("article", { name: "Today Nathan" });
  await visible(mainCard);
  await visible(otherCard);

  // Each card's local time is read in its own zone, which it names.
  for (const [card, zone] of [
    [mainCard, mainZone],
    [otherCard, otherZone],
  ]) {
    const clock = (await card.getByRole("definition").first().textContent()) ?? "";
    const t = Date.now();
    const expected = [t - MINUTE, t, t + MINUTE].map((x) => `${hhmm(new Date(x), zone)} ${zone}`);
    assert(expected.some((e) => clock.includes(e)), `the local time "${clock}" is one of ${expected.join(", ")}`);
  }

  // The account: one post today against its limit of 5.
  const accounts = mainCard.getByRole("region", { name: "Accounts of Today Marisol" });
  await visible(accounts.getByRole("link", { name: "twitter @today_marisol" }));
  await visible(accounts.getByText("1 / 5"));
  const cooldown = accounts.getByText(/^Cooling down until/);
  await visible(cooldown);
  const coolText = (await cooldown.textContent()) ?? "";
  assert(coolText.includes(`${hhmm(coolUntil, mainZone)} ${mainZone}`), `the cooldown ends in the persona's zone: "${coolText}"`);

  // The next post, in the persona's zone.
  const nextText = `${hhmm(nextAt, mainZone)} ${mainZone}`;
  await visible(mainCard.getByText(nextText));

  // The late checkpoint, plainly marked.
  const checkpoints = mainCard.getByRole("region", { name: "Engagement checkpoints of Today Marisol" });
  await visible(checkpoints.getByText("late", { exact: true }));
  await visible(checkpoints.getByText(/1-hour figures of the post on/));

  // The proxy and the live session, whose timer runs.
  await visible(mainCard.getByRole("link", { name: "today-px-1" }));
  const timer = mainCard.getByRole("timer", { name: "Session running for" });
  await visible(timer);
  const seconds = async () => {
    const [m, s] = ((await timer.textContent()) ?? "").split(":").map(Number);
    return m * 60 + s;
  };
  const before = await seconds();
  await page.waitForTimeout(2500);
  const after = await seconds();
  assert(after >= before + 2, `the session timer runs (${before} s, then ${after} s)`);
  assertEqual(await otherCard.getByText("None live").count(), 1, "the other persona has no live session");

  // The risk: each contributing factor the server counts, in words.
  const risk = await call("GET", `/api/v1/personas/${main.id}/risk`);
  const riskPart = mainCard.getByRole("region", { name: "Risk of Today Marisol" });
  await visible(riskPart.getByText(risk.risk_score.toFixed(2), { exact: true }));
  for (const f of risk.factors.filter((x) => x.contribution > 0)) {
    await visible(riskPart.getByText(`+${f.contribution.toFixed(2)}`));
  }
  await visible(riskPart.getByText("2 platform warnings on its accounts."));
  await visible(
    otherCard.getByRole("region", { name: "Risk of Today Nathan" }).getByText("No proxy assigned: its traffic would share your own address."),
  );

  // The totals on top.
  const totals = page.getByRole("region", { name: "At a glance" });
  await visible(totals.getByRole("link", { name: /^2 personas 2 active$/ }));
  await visible(totals.getByRole("link", { name: /^1 \/ 5 posts today/ }));
  await visible(totals.getByRole("link", { name: /^1 live session$/ }));
  await visible(totals.getByText("1 late"));

  // Nothing wider than a phone's screen.
  await page.setViewportSize({ width: 375, height: 812 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assertEqual(overflow, 0, "no sideways scrolling at 375 px");
  await page.setViewportSize({ width: 1440, height: 900 });
  await screen("today");
  // Dark mode too: axe checks its contrast.
  await page.emulateMedia({ colorScheme: "dark" });
  await screen("today-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // Links lead to their screens.
  await mainCard.getByRole("link", { name: "Today Marisol", exact: true }).click();
  await atPath(page, `/personas/${main.id}`);
  await page.goBack();
  await accounts.getByRole("link", { name: "twitter @today_marisol" }).click();
  await atPath(page, `/accounts/${account.id}`);
  await page.goBack();
  await mainCard.getByRole("link", { name: "All accounts of Today Marisol" }).click();
  await atPath(page, `/personas/${main.id}/accounts`);
  await page.goBack();
  await mainCard.getByRole("link", { name: "today-px-1" }).click();
  await atPath(page, "/proxies");
  await page.goBack();
  await mainCard.getByRole("link", { name: /^Live session of Today Marisol/ }).click();
  await atPath(page, "/sessions");
  await page.goBack();
  await totals.getByRole("link", { name: /security events?/ }).click();
  await atPath(page, "/security");
  await page.goBack();
  await atPath(page, "/");

  // A minute later the screen reads the server again by itself: a session started
  // meanwhile shows without a reload.
  await page.clock.install();
  await page.reload();
  await visible(otherCard.getByText("None live"));
  await call("POST", `/api/v1/personas/${other.id}/sessions`, {});
  const refreshed = page.waitForResponse((r) => r.url().endsWith("/api/v1/dashboard") && r.ok());
  await page.clock.fastForward("01:05");
  await refreshed;
  await visible(otherCard.getByRole("timer", { name: "Session running for" }));
  await visible(totals.getByRole("link", { name: /^2 live sessions$/ }));
}
