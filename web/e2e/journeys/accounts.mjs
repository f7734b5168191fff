// Platform accounts: a persona's accounts screen adds one with credentials and an OAuth
// token (which the API never returns), the account's screen edits its daily limit and
// cooldown (in the persona's zone), the reveal dialog refuses a wrong password beside the
// field, shows the secrets for 30 s with a countdown and hides them (the page's clock is
// fast-forwarded), closing forgets them, and the account is deleted after a confirmation.
import { apiCall, assert, assertEqual, atPath, expectFocus, visible } from "../harness.mjs";

const user = { email: "accounts-journey@example.com", password: "accounts journey password" };
const secretPassword = "Pl4tform-secret-pw!";
const secretToken = "oauth-token-7f3a9c2e";

const personaBody = {
  name: "Lea",
  status: "active",
  demographics: { age: 29, gender: "female", location: "Makati", occupation: "barista" },
  personality: { interests: ["coffee"], communication_style: "playful" },
  primary_location: "Manila",
  timezone: "Asia/Manila",
  language_preferences: ["en", "fil"],
  activity_schedule: { posting_times: { monday: ["08:30"] }, posts_per_day: 1 },
  content_themes: { topics: ["coffee"], hashtags: ["#kape"] },
  engagement_style: { comment_frequency: "low" },
};

// The error text a field's aria-describedby points at first, once the answer is in.
async function errorOf(page, field) {
  await field.and(page.locator('[aria-invalid="true"]')).waitFor();
  assertEqual(await field.getAttribute("aria-invalid"), "true", "the field is marked invalid");
  const id = ((await field.getAttribute("aria-describedby")) ?? "").split(" ")[0];
  return page.locator(`[id="${id}"]`).textContent();
}

// The page does not scroll sideways on a phone (tables scroll inside their region).
async function fitsPhone(page, what) {
  await page.setViewportSize({ width: 375, height: 812 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1440, height: 900 });
  assert(width <= 375, `${what} is ${width} px wide at 375 px`);
}

export async function run({ page, context, server, baseURL, screen }) {
  server.persona(["user", "add", "--email", user.email, "--password-stdin"], user.password);
  // A fake clock (running at the real pace) that the journey can fast-forward.
  await page.clock.install();
  await apiCall(context, baseURL, "POST", "/api/v1/auth/login", user);
  const persona = await apiCall(context, baseURL, "POST", "/api/v1/personas", personaBody);

  // The persona's accounts screen: named, linked back, empty.
  await page.goto(`/personas/${persona.id}/accounts`);
  await visible(page.getByRole("heading", { name: "Platform accounts of Lea" }));
  assertEqual(await page.getByRole("link", { name: "Back to Lea" }).getAttribute("href"), `/personas/${persona.id}`, "the link back");
  await visible(page.getByText("No platform accounts yet."));
  await screen("accounts-empty");

  // A refused value is told beside its field (the server's 422).
  const limit = page.getByLabel("Daily post limit");
  await page.getByLabel("Platform", { exact: true }).selectOption({ label: "X (Twitter)" });
  await page.getByLabel("Username").fill("@lea_kape");
  await page.getByLabel("Display name").fill("Lea · kape");
  await page.getByLabel("Login", { exact: true }).fill("lea@example.com");
  await page.getByLabel("Password", { exact: true }).fill(secretPassword);
  await page.getByLabel("OAuth tokens").fill(JSON.stringify({ access_token: secretToken }));
  await limit.fill("0");
  await page.getByRole("button", { name: "Add account" }).click();
  assert(/1 to 1000/.test(await errorOf(page, limit)), "the limit's error is beside it");
  await expectFocus(page, "daily_post_limit", "focus goes to the invalid field");

  // Added: in the table, the form emptied (the secrets with it).
  await limit.fill("10");
  await page.getByRole("button", { name: "Add account" }).click();
  const row = page.getByRole("link", { name: "@lea_kape on X (Twitter)" });
  await visible(row);
  await visible(page.getByRole("status").filter({ hasText: "Added @lea_kape on X (Twitter)." }));
  assertEqual(await page.getByLabel("Password", { exact: true }).inputValue(), "", "the password field is emptied");
  const table = page.getByRole("table", { name: "Accounts of Lea" });
  await visible(table.getByRole("cell", { name: "0 of 10" }));
  await visible(table.getByRole("cell", { name: "credentials, OAuth tokens" }));
  await screen("accounts");
  await fitsPhone(page, "the accounts screen");

  // The same username on the same platform again: the conflict is told beside it.
  await page.getByLabel("Username").fill("lea_kape");
  await page.getByLabel("Password", { exact: true }).fill("another password");
  await page.getByRole("button", { name: "Add account" }).click();
  assert(/already used/.test(await errorOf(page, page.getByLabel("Username"))), "the taken username's error is beside it");

  // The API stores the secrets and never answers with them.
  const list = await apiCall(context, baseURL, "GET", `/api/v1/personas/${persona.id}/accounts`);
  assertEqual(list.items.length, 1, "one account");
  const account = list.items[0];
  assertEqual(account.platform_type, "twitter", "X is stored as twitter");
  assertEqual(account.username, "lea_kape", "the @ is left out");
  const one = await apiCall(context, baseURL, "GET", `/api/v1/accounts/${account.id}`);
  for (const [what, body] of [["the list", list], ["the account", one]]) {
    const text = JSON.stringify(body);
    assert(!text.includes(secretPassword) && !text.includes(secretToken), `${what} carries no secret: ${text}`);
    assert(!("credentials" in (body.items?.[0] ?? body)) && !("auth_tokens" in (body.items?.[0] ?? body)), `${what} has no secret fields`);
  }
  assert(one.has_credentials && one.has_auth_tokens, "both secrets are stored");
  assert(!(await page.content()).includes(secretPassword), "the page holds no secret");

  // The account's screen: edit the daily limit and a cooldown on Manila's clock.
  await row.click();
  await atPath(page, `/accounts/${account.id}`);
  await visible(page.getByRole("heading", { name: "@lea_kape on X (Twitter)" }));
  await visible(page.getByRole("link", { name: "All accounts of Lea" }));
  const facts = page.getByRole("region", { name: "Summary" });
  await visible(facts.getByText("Stored (encrypted)").first());
  await page.getByLabel("Daily post limit").fill("4");
  await page.getByLabel("Cooldown until (Asia/Manila)").fill("2030-01-02T09:30");
  await page.getByRole("button", { name: "Save changes" }).click();
  await visible(page.getByRole("status").filter({ hasText: "Saved." }));
  const edited = await apiCall(context, baseURL, "GET", `/api/v1/accounts/${account.id}`);
  assertEqual(edited.daily_post_limit, 4, "the new daily limit");
  assertEqual(edited.cooldown_until, "2030-01-02T01:30:00Z", "09:30 in Manila is 01:30 UTC");
  assertEqual(edited.username, "lea_kape", "unchanged fields stay");
  await visible(facts.getByText("0 of 4"));
  await visible(facts.getByText("2 Jan 2030, 09:30 Asia/Manila"));
  await page.evaluate(() => window.scrollTo(0, 0));
  await screen("account");
  await fitsPhone(page, "the account screen");

  // The reveal: a wrong password is told beside the field (one attempt: every one is a
  // security event), the right one shows the secrets with a countdown.
  await page.getByRole("button", { name: "Reveal credentials" }).click();
  const dialog = page.getByRole("dialog", { name: "Credentials of @lea_kape" });
  await visible(dialog);
  const password = dialog.getByLabel("Your Persona password");
  await expectFocus(page, "password", "the password field has the focus");
  await password.fill("not my password");
  await dialog.getByRole("button", { name: "Reveal" }).click();
  assert(/Wrong password/.test(await errorOf(page, password)), "the wrong password's error is beside the field");
  await expectFocus(page, "password", "focus returns to the password");
  assertEqual(await dialog.getByText(secretPassword).count(), 0, "nothing revealed");
  await screen("account-reveal-error");

  await password.fill(user.password);
  await dialog.getByRole("button", { name: "Reveal" }).click();
  await visible(dialog.getByText(secretPassword));
  await visible(dialog.getByText("lea@example.com"));
  await visible(dialog.getByText(secretToken));
  await visible(dialog.getByText("This reveal was logged as a security event"));
  const timer = dialog.getByRole("timer");
  assert(/Hidden again in (30|29|28|27|26|25) s/.test(await timer.textContent()), "the countdown starts at 30 s");
  await screen("account-reveal");
  await visible(dialog.getByText(secretPassword));

  // 31 s later the secrets are gone and the password is asked again.
  await page.clock.fastForward("00:31");
  await visible(dialog.getByText("Hidden again after 30 seconds"));
  assertEqual(await dialog.getByText(secretPassword).count(), 0, "the password is hidden");
  assertEqual(await dialog.getByText(secretToken).count(), 0, "the token is hidden");
  await visible(dialog.getByLabel("Your Persona password"));
  await screen("account-reveal-hidden");

  // Revealed again, then Esc: reopening shows nothing until the password is given again.
  await dialog.getByLabel("Your Persona password").fill(user.password);
  await dialog.getByRole("button", { name: "Reveal" }).click();
  await visible(dialog.getByText(secretPassword));
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await page.getByRole("button", { name: "Reveal credentials" }).click();
  await visible(dialog.getByLabel("Your Persona password"));
  assertEqual(await dialog.getByText(secretPassword).count(), 0, "closing forgot the secret");
  assertEqual(await dialog.getByLabel("Your Persona password").inputValue(), "", "and the password");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.waitFor({ state: "hidden" });

  // Each attempt is a security event of the account.
  const events = await apiCall(context, baseURL, "GET", "/api/v1/security-events?limit=50");
  const mine = events.items.filter((e) => e.platform_account_id === account.id);
  assertEqual(mine.filter((e) => e.event_type === "secret_revealed").length, 2, "two reveals logged");
  assertEqual(mine.filter((e) => e.event_type === "reauth_failure").length, 1, "one wrong password logged");

  // The OAuth tokens can be removed (after a confirmation); the credentials stay.
  await page.getByRole("button", { name: "Remove the stored OAuth tokens" }).click();
  const removal = page.getByRole("alertdialog");
  await removal.getByRole("button", { name: "Remove tokens" }).click();
  await visible(page.getByText("The OAuth tokens were removed."));
  const withoutTokens = await apiCall(context, baseURL, "GET", `/api/v1/accounts/${account.id}`);
  assertEqual(withoutTokens.has_auth_tokens, false, "the tokens are gone");
  assertEqual(withoutTokens.has_credentials, true, "the credentials stay");
  assertEqual(await page.getByRole("button", { name: "Remove the stored OAuth tokens" }).count(), 0, "nothing left to remove");

  // Delete asks first, then the list is empty again.
  await page.getByRole("button", { name: "Delete account" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete @lea_kape on X (Twitter)?" });
  await visible(confirm);
  await confirm.getByRole("button", { name: "Delete account" }).click();
  await atPath(page, `/personas/${persona.id}/accounts`);
  await visible(page.getByText("No platform accounts yet."));
  const after = await apiCall(context, baseURL, "GET", `/api/v1/personas/${persona.id}/accounts`);
  assertEqual(after.items.length, 0, "the account is gone");

  // Its old address now says so.
  await page.goto(`/accounts/${account.id}`);
  await visible(page.getByRole("alert").filter({ hasText: "no such account" }));
}
