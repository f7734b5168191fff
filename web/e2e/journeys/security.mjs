// Security events: revealing an account's credentials raises an event (and a wrong
// password another); the screen lists the unresolved ones, filters by type and status
// (in the URL), and resolves one with the actions taken, which the server keeps.
import { apiCall, assert, assertEqual, atPath, visible } from "../harness.mjs";

const user = { email: "security-journey@example.com", password: "security journey passphrase" };

// At 375 px the page itself never scrolls sideways (tables and long values wrap or
// scroll in their own region).
async function fitsPhone(page, what) {
  await page.setViewportSize({ width: 375, height: 812 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1440, height: 900 });
  assert(width <= 375, `${what} is ${width} px wide at 375 px`);
}

export async function run({ page, context, server, screen, baseURL }) {
  server.persona(["user", "add", "--email", user.email, "--password-stdin"], user.password);
  await page.goto("/login?next=%2Fsecurity");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await atPath(page, "/security");
  await visible(page.getByRole("heading", { name: "Security events" }));
  await visible(page.getByText("No unresolved security events."));

  // A persona with an account; its credentials revealed (an event), and a reveal with a
  // wrong password (another one; no login is failed).
  const persona = await apiCall(context, baseURL, "POST", "/api/v1/personas", {
    name: "Sol Security",
    status: "active",
    demographics: { age: 40, gender: "male", location: "Cebu", occupation: "chef" },
    personality: { interests: ["food"], communication_style: "dry" },
    primary_location: "Cebu",
    timezone: "Asia/Manila",
    activity_schedule: { posting_times: { friday: ["18:00"] }, posts_per_day: 1 },
    content_themes: { topics: ["cooking"], hashtags: ["#cebu"] },
    engagement_style: { comment_frequency: "low" },
  });
  const account = await apiCall(context, baseURL, "POST", `/api/v1/personas/${persona.id}/accounts`, {
    platform_type: "instagram",
    username: "sol.security.journey",
    credentials: { password: "platform secret" },
  });
  const secrets = await apiCall(context, baseURL, "POST", `/api/v1/accounts/${account.id}/reveal`, { password: user.password });
  assertEqual(secrets.credentials.password, "platform secret", "the reveal answered");
  let refused = "";
  try {
    await apiCall(context, baseURL, "POST", `/api/v1/accounts/${account.id}/reveal`, { password: "not my password" });
  } catch (e) {
    refused = String(e);
  }
  assert(/403/.test(refused), `a wrong password is refused: ${refused}`);

  // Both are listed as unresolved, newest first, with their details.
  await page.reload();
  const list = page.getByRole("list", { name: "Security events" });
  const events = list.getByRole("article");
  await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Security events"] > li').length === 2);
  const texts = await events.allInnerTexts();
  assert(texts[0].includes("Wrong password to reveal credentials") && texts[1].includes("Credentials revealed"), `newest first: ${JSON.stringify(texts)}`);
  assert(texts[1].includes("Sol Security") && texts[1].includes("Instagram"), `the details name persona and platform: ${texts[1]}`);
  assert(/\d\d:\d\d \S+/.test(texts[1]) && texts[1].includes("Warning"), "time with its zone, and the severity");

  // Filter by type: the reveal alone.
  const filters = page.getByRole("region", { name: "Filter the security events" });
  await filters.getByLabel("Event type").selectOption({ label: "Credentials revealed" });
  await atPath(page, "/security?type=secret_revealed");
  await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Security events"] > li').length === 1);

  // Resolve it with two actions (a third field left blank is not sent).
  await events.getByRole("button", { name: /^Resolve Credentials revealed at \d\d:\d\d / }).click();
  const dialog = page.getByRole("dialog", { name: "Resolve the security event" });
  await visible(dialog);
  await dialog.getByLabel("Action 1", { exact: true }).fill("Confirmed it was me");
  await dialog.getByRole("button", { name: "Add another action" }).click();
  // The new field has the focus: typing goes on there.
  await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "actions_taken[1]");
  await page.keyboard.type("Rotated the stored credentials");
  await dialog.getByRole("button", { name: "Add another action" }).click();
  await visible(dialog.getByLabel("Action 3", { exact: true }));
  await screen("security-resolve");
  await dialog.getByRole("button", { name: "Resolve", exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
  const resolution = events.first().getByText("Resolved by you");
  await visible(resolution);
  const entryText = await events.first().innerText();
  assert(entryText.includes("Confirmed it was me") && entryText.includes("Rotated the stored credentials"), `the actions are shown: ${entryText}`);

  // The server has it resolved, with exactly those actions; the other is still open.
  const done = (await apiCall(context, baseURL, "GET", "/api/v1/security-events?resolved=true")).items;
  assertEqual(done.length, 1, "one resolved event");
  assertEqual(done[0].event_type, "secret_revealed", "the resolved one is the reveal");
  assertEqual(JSON.stringify(done[0].actions_taken), JSON.stringify(["Confirmed it was me", "Rotated the stored credentials"]), "actions_taken");
  assert(done[0].resolved_at && done[0].resolved_by, "who and when are kept");
  const open = (await apiCall(context, baseURL, "GET", "/api/v1/security-events?resolved=false")).items;
  assertEqual(open.length, 1, "one unresolved event");
  assertEqual(open[0].event_type, "reauth_failure", "the wrong password is still open");

  // The filters live in the URL: a reload shows unresolved reveals, none now.
  await page.reload();
  await visible(page.getByText("No security events match these filters."));
  await filters.getByLabel("Status").selectOption({ label: "Resolved" });
  await atPath(page, "/security?type=secret_revealed&status=resolved");
  await visible(events.first().getByText("Resolved by you"));
  assertEqual(await events.count(), 1, "the resolved reveal");
  assert((await events.getByRole("button", { name: /^Resolve/ }).count()) === 0, "nothing to resolve there");

  // All of them: the resolved reveal and the open reauth failure.
  await filters.getByLabel("Event type").selectOption({ label: "All types" });
  await filters.getByLabel("Status").selectOption({ label: "All" });
  await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Security events"] > li').length === 2);
  await screen("security");
  await fitsPhone(page, "the security events");
  await filters.getByLabel("Severity").selectOption({ label: "Critical" });
  await visible(page.getByText("No security events match these filters."));
}
