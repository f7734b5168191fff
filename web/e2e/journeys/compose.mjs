// The composer: a template rendered for a persona in Asia/Kolkata (UTC+05:30) and its X
// account, edited with the changes shown word by word and reset; an X text of 270
// characters and a long URL counted as X counts it (a URL is 23) and refused by the
// server beside the text; then shortened and scheduled at tomorrow's posting time by its
// slot button, the stored scheduled_for being exactly that wall time of Kolkata.
import { apiCall, assert, assertEqual, visible } from "../harness.mjs";

const user = { email: "compose-journey@example.com", password: "compose journey password" };
const zone = "Asia/Kolkata";
const weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

// The calendar date in Kolkata `days` after today there (Kolkata has no DST: +05:30).
function kolkataDate(days) {
  const shifted = new Date(Date.now() + (330 + days * 1440) * 60000);
  return {
    key: shifted.toISOString().slice(0, 10),
    weekday: weekdays[shifted.getUTCDay()],
    y: shifted.getUTCFullYear(),
    m: shifted.getUTCMonth() + 1,
    d: shifted.getUTCDate(),
  };
}

// The error text a field's aria-describedby points at first, once the answer is in.
async function errorOf(page, field) {
  await field.and(page.locator('[aria-invalid="true"]')).waitFor();
  const id = ((await field.getAttribute("aria-describedby")) ?? "").split(" ")[0];
  return page.locator(`[id="${id}"]`).textContent();
}

// Waits for an input's value (set by the page after an answer comes).
async function valueIs(locator, want, message, timeout = 10_000) {
  const until = Date.now() + timeout;
  let got = await locator.inputValue();
  while (got !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    got = await locator.inputValue();
  }
  assertEqual(got, want, message);
}

async function fitsPhone(page, what) {
  await page.setViewportSize({ width: 375, height: 812 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1440, height: 900 });
  assert(width <= 375, `${what} is ${width} px wide at 375 px`);
}

export async function run({ page, context, server, baseURL, screen }) {
  server.persona(["user", "add", "--email", user.email, "--password-stdin"], user.password);
  await apiCall(context, baseURL, "POST", "/api/v1/auth/login", user);

  const tomorrow = kolkataDate(1);
  const dayAfter = kolkataDate(2);
  const persona = await apiCall(context, baseURL, "POST", "/api/v1/personas", {
    name: "Ananya",
    primary_location: "Pune",
    timezone: zone,
    demographics: { age: 31 },
    personality: {},
    activity_schedule: { posting_times: { [tomorrow.weekday]: ["09:30"], [dayAfter.weekday]: ["09:30"] }, posts_per_day: 1 },
    content_themes: {},
    engagement_style: {},
  });
  const account = await apiCall(context, baseURL, "POST", `/api/v1/personas/${persona.id}/accounts`, {
    platform_type: "twitter",
    username: "ananya_pune",
    credentials: { login: "ananya@example.com", password: "x-account-password" },
  });
  const template = await apiCall(context, baseURL, "POST", "/api/v1/templates", {
    template_name: "Morning chai",
    content_type: "text",
    template_text: "Good morning from {{persona.primary_location}}! First chai of the day, then work.",
    target_platforms: ["twitter"],
  });
  const rendered = "Good morning from Pune! First chai of the day, then work.";
  // The weighted X count is in the server once POST /posts/check answers (issue 14).
  const probe = await context.request.fetch(new URL("/api/v1/posts/check", baseURL).href, {
    method: "POST",
    headers: { Origin: baseURL, "Content-Type": "application/json" },
    data: JSON.stringify({ platform_account_id: account.id, final_content: "probe" }),
  });
  const weighted = probe.status() === 200;

  // From the template: pick the persona and its account, and the rendering is the text.
  await page.goto(`/compose?template=${template.id}`);
  await visible(page.getByRole("heading", { name: "New post" }));
  assertEqual(await page.getByLabel("Template").inputValue(), template.id, "the template of the link is picked");
  await page.getByLabel("Persona").selectOption({ label: "Ananya" });
  await page.getByLabel("Account").selectOption({ label: "@ananya_pune on X (Twitter)" });
  const text = page.getByLabel("Text", { exact: true });
  await valueIs(text, rendered, "the rendered template is the text");
  const changes = page.getByRole("region", { name: "Changes from the template" });
  await visible(changes.getByText("The text is the template as rendered."));
  await visible(page.getByText(`${rendered.length} / 280`));
  await visible(page.getByText("0 / 2 hashtags"));

  // Edited: the deleted and inserted words are marked.
  await text.fill("Good evening from Pune! First chai of the day, then a long walk.");
  await visible(changes.getByText("2 words deleted, 4 inserted."));
  const deleted = (await changes.getByRole("deletion").allTextContents()).join("|");
  const inserted = (await changes.getByRole("insertion").allTextContents()).join("|");
  assertEqual(deleted, "morning|work.", "the deleted words");
  assertEqual(inserted, "evening|a long walk.", "the inserted words");
  await page.getByLabel("Date (Asia/Kolkata)").fill(tomorrow.key);
  await visible(page.getByRole("group", { name: `Posting times of Ananya on ${tomorrow.weekday[0].toUpperCase()}${tomorrow.weekday.slice(1)}` }));
  await screen("compose");
  await fitsPhone(page, "the composer");

  // Reset to the template: the rendering again.
  await page.getByRole("button", { name: "Reset to the template" }).click();
  assertEqual(await text.inputValue(), rendered, "the reset text is the rendering");
  await visible(changes.getByText("The text is the template as rendered."));

  // Hashtags against the account's limit (X's default: 2).
  await text.fill("Monsoon evening #chai #pune #rain");
  await visible(page.getByText("3 / 2 hashtags"));
  await visible(page.getByText("1 too many"));

  // The server's warnings beside the text: the same text is already scheduled.
  let arranged = null;
  if (weighted) {
    const at = new Date(Date.UTC(dayAfter.y, dayAfter.m - 1, dayAfter.d, 9, 30) - 330 * 60000).toISOString().replace(".000Z", "Z");
    arranged = await apiCall(context, baseURL, "POST", "/api/v1/posts", {
      platform_account_id: account.id,
      final_content: "Rain over Pune tonight.",
      scheduled_for: at,
    });
    await text.fill("Rain over Pune tonight.");
    const warnings = page.getByRole("region", { name: "Warnings" });
    await visible(warnings);
    assertEqual(await warnings.getByRole("link", { name: "See the post with this text" }).getAttribute("href"), `/posts/${arranged.id}`, "the warning links the other post");
    await screen("compose-warnings");
  }
  const mine = (page) => page.items.filter((p) => p.id !== arranged?.id);

  // 270 characters, a space and a URL of 79: X counts 270 + 1 + 23 = 294, 14 over.
  const long = "a".repeat(269) + "." + " https://example.com/" + "p".repeat(60);
  await text.fill(long);
  const length = weighted ? 294 : [...long].length;
  await visible(page.getByText(`${length} / 280`, { exact: true }));
  await visible(page.getByText(`${length - 280} over the limit`));
  const live = page.locator('[aria-live="polite"]').filter({ hasText: "Over the limit by" });
  await live.waitFor({ state: "attached" });
  await page.getByRole("button", { name: "Save as draft" }).click();
  const refusal = await errorOf(page, text);
  assert(refusal && refusal.length > 0, "the server's refusal is beside the text");
  await screen("compose-over-limit");
  const none = await apiCall(context, baseURL, "GET", `/api/v1/posts?persona_id=${persona.id}`);
  assertEqual(mine(none).length, 0, "nothing was saved");

  // Shortened, scheduled at tomorrow's slot on Kolkata's clock.
  await text.fill("Good evening from Pune! Chai on the balcony.");
  await visible(page.getByText("44 / 280", { exact: true }));
  // A time far from the posting times: the server's refusal beside the time.
  const time = page.getByLabel("Time (Asia/Kolkata)");
  await time.fill("14:00");
  await page.getByRole("button", { name: "Schedule" }).click();
  const tooFar = await errorOf(page, time);
  assert(tooFar && tooFar.length > 0, "the refused time is told beside it");
  await page.getByRole("button", { name: "09:30" }).click();
  assertEqual(await time.inputValue(), "09:30", "the slot sets the time");
  assertEqual(await page.getByRole("button", { name: "09:30" }).getAttribute("aria-pressed"), "true", "the slot is shown picked");
  await page.getByRole("button", { name: "Schedule" }).click();
  const saved = page.getByRole("status").filter({ hasText: "Scheduled for" });
  await visible(saved);
  await visible(saved.getByText("09:30 Asia/Kolkata"));

  const expected = new Date(Date.UTC(tomorrow.y, tomorrow.m - 1, tomorrow.d, 9, 30) - 330 * 60000).toISOString().replace(".000Z", "Z");
  const list = await apiCall(context, baseURL, "GET", `/api/v1/posts?persona_id=${persona.id}`);
  assertEqual(mine(list).length, 1, "one post");
  const post = mine(list)[0];
  assertEqual(post.scheduled_for, expected, "09:30 in Kolkata tomorrow, as UTC");
  assertEqual(post.state, "scheduled", "scheduled");
  assertEqual(post.content_template_id, template.id, "from the template");
  assertEqual(post.final_content, "Good evening from Pune! Chai on the balcony.", "the edited text");
  assert(Date.parse(post.creation_started_at) <= Date.parse(post.created_at), "creation started when the composer opened");
  assertEqual(await saved.getByRole("link", { name: "Open the post" }).getAttribute("href"), `/posts/${post.id}`, "the link to the post");
  assertEqual(await saved.getByRole("link", { name: "Calendar" }).getAttribute("href"), "/calendar", "the link to the calendar");
  await screen("compose-scheduled");

  // Continuing the saved post: ?post= shows it, and a draft unschedules it.
  await page.goto(`/compose?post=${post.id}`);
  await visible(page.getByRole("heading", { name: "Edit draft" }));
  assertEqual(await text.inputValue(), post.final_content, "the saved text");
  assertEqual(await page.getByLabel("Date (Asia/Kolkata)").inputValue(), tomorrow.key, "the saved date");
  assertEqual(await page.getByLabel("Time (Asia/Kolkata)").inputValue(), "09:30", "the saved time");
  await visible(page.getByText("A saved post keeps its persona, account and template."));
  await screen("compose-draft");
  await text.fill("Good evening from Pune! Chai on the balcony, with ginger.");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await visible(page.getByRole("status").filter({ hasText: "Saved as a draft." }));
  const draft = await apiCall(context, baseURL, "GET", `/api/v1/posts/${post.id}`);
  assertEqual(draft.state, "draft", "a draft again");
  assertEqual(draft.scheduled_for ?? null, null, "no time");
  assertEqual(draft.final_content, "Good evening from Pune! Chai on the balcony, with ginger.", "the new text");

  // Free text for a persona named in the link: its only account is taken, no template.
  await page.goto(`/compose?persona=${persona.id}`);
  await visible(page.getByRole("heading", { name: "New post" }));
  assertEqual(await page.getByLabel("Persona").inputValue(), persona.id, "the persona of the link");
  await valueIs(page.getByLabel("Account"), account.id, "the persona's only account is picked");
  assertEqual(await page.getByLabel("Template").inputValue(), "", "no template");
  await text.fill("Monsoon notes, written by hand.");
  await page.getByRole("button", { name: "Save as draft" }).click();
  const done = page.getByRole("status").filter({ hasText: "Saved as a draft." });
  await visible(done);
  const href = await done.getByRole("link", { name: "Open the post" }).getAttribute("href");
  const free = await apiCall(context, baseURL, "GET", `/api/v1${href}`);
  assertEqual(free.content_template_id ?? null, null, "free text has no template");
  assertEqual(free.state, "draft", "a draft");
  assertEqual(free.final_content, "Monsoon notes, written by hand.", "the free text");
}
