// Activity log: the log pages on as it scrolls (a second page of the keyset cursor),
// an action recorded by hand through the form lands in the log with its risk said
// plainly (a burst after 60 likes), and the filters (persona + type, time) show only
// what matches and survive a reload, being in the URL.
import { apiCall, assert, assertEqual, atPath, visible } from "../harness.mjs";

const user = { email: "activity-journey@example.com", password: "activity journey passphrase" };

function personaBody(name, timezone) {
  return {
    name,
    status: "active",
    demographics: { age: 31, gender: "female", location: "Quezon City", occupation: "teacher" },
    personality: { interests: ["books"], communication_style: "warm" },
    primary_location: "Manila",
    timezone,
    activity_schedule: { posting_times: { monday: ["08:30"] }, posts_per_day: 1 },
    content_themes: { topics: ["reading"], hashtags: ["#books"] },
    engagement_style: { comment_frequency: "low" },
  };
}

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
  await page.goto("/login?next=%2Factivity");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await atPath(page, "/activity");
  await visible(page.getByRole("heading", { name: "Activity log" }));

  // Two personas in two zones; 60 likes and 3 follows for Mara, 4 follows for Ben.
  const mara = await apiCall(context, baseURL, "POST", "/api/v1/personas", personaBody("Mara Activity", "Asia/Manila"));
  const ben = await apiCall(context, baseURL, "POST", "/api/v1/personas", personaBody("Ben Activity", "America/New_York"));
  const act = (persona, activity_type, platform_type, activity_data) =>
    apiCall(context, baseURL, "POST", "/api/v1/activity", { persona_id: persona.id, activity_type, platform_type, activity_data });
  for (let i = 0; i < 60; i++) await act(mara, "like", "instagram", { target: `@post-${i}` });
  for (let i = 0; i < 3; i++) await act(mara, "follow", "x", { target: `@mara-follows-${i}` });
  for (let i = 0; i < 4; i++) await act(ben, "follow", "tiktok", { target: `@ben-follows-${i}` });

  // The log: a first page of 50, and the next one once the end scrolls into view.
  await page.reload();
  const log = page.getByRole("list", { name: "Activity" });
  const entries = log.getByRole("listitem");
  await visible(entries);
  assertEqual(await entries.count(), 50, "the first page holds 50 rows");
  await entries.last().scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Activity"] > li').length > 50);
  assert((await entries.count()) > 67, `the second page followed: ${await entries.count()} rows`);
  // Mara's rows read in Manila time, named.
  const maraLike = entries.filter({ hasText: "@post-59" });
  assert(/\d\d:\d\d Asia\/Manila/.test(await maraLike.innerText()), "a row of Mara's is in her zone, labelled");
  assert((await maraLike.innerText()).includes("Manual"), "the row says it was recorded by hand");

  // Record a follow through the form; first without a persona: the message is beside it.
  await page.getByRole("button", { name: "Record an action" }).click();
  const dialog = page.getByRole("dialog", { name: "Record an action" });
  await visible(dialog);
  await dialog.getByLabel("Action").selectOption({ label: "Follow" });
  await dialog.getByLabel("Platform").selectOption({ label: "X (Twitter)" });
  await dialog.getByLabel("Target").fill("@journey-followed");
  await dialog.getByLabel("Note").fill("followed back after a kind comment");
  await dialog.getByRole("button", { name: "Record" }).click();
  await visible(dialog.getByText("Choose the persona who did it."));
  assertEqual(await dialog.getByLabel("Persona").getAttribute("aria-invalid"), "true", "the persona field is marked invalid");
  await dialog.getByLabel("Persona").selectOption({ label: "Mara Activity" });
  await visible(dialog.getByText("Asia/Manila"));
  await screen("activity-record");
  await fitsPhone(page, "the record dialog over the log");
  await dialog.getByRole("button", { name: "Record" }).click();
  await dialog.waitFor({ state: "hidden" });

  // After 63 manual actions within the hour the burst rule scores it critical, said plainly.
  const notice = page.getByRole("alert").filter({ hasText: "Recorded:" });
  await visible(notice);
  const noticeText = await notice.innerText();
  assert(/Risk critical/.test(noticeText), `the burst is told: "${noticeText}"`);
  assert(noticeText.includes("Follow on X (Twitter) for Mara Activity"), `the notice names the action: "${noticeText}"`);
  const recorded = (await apiCall(context, baseURL, "GET", `/api/v1/activity?persona_id=${mara.id}&activity_type=follow`)).items;
  const mine = recorded.find((a) => a.activity_data.target === "@journey-followed");
  assert(mine, "the server has the recorded follow");
  assertEqual(mine.platform_type, "twitter", "X is stored as twitter");
  assertEqual(mine.source, "manual", "the row's source");
  assertEqual(mine.activity_data.note, "followed back after a kind comment", "activity_data carries the note");

  // Filter by persona and type: only Mara's follows, the new one among them.
  const filters = page.getByRole("region", { name: "Filter the activity log" });
  await filters.getByLabel("Persona").selectOption({ label: "Mara Activity" });
  await filters.getByLabel("Activity type").selectOption({ label: "Follow" });
  await atPath(page, `/activity?persona=${mara.id}&type=follow`);
  await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Activity"] > li').length === 4);
  const shown = await entries.allInnerTexts();
  assertEqual(shown.length, 4, "Mara's follows: three arranged, one recorded");
  for (const text of shown) {
    assert(text.includes("Follow") && text.includes("Mara Activity") && !text.includes("Like"), `only matching rows: "${text}"`);
  }
  assert(shown.some((t) => t.includes("@journey-followed")), "the recorded follow is among them");
  await screen("activity");
  await fitsPhone(page, "the filtered log");
  // On a phone the filters fold behind a button that says how many are set.
  await page.setViewportSize({ width: 375, height: 812 });
  await filters.getByRole("button", { name: "Filters (2 set)" }).click();
  await visible(filters.getByLabel("Persona"));
  await page.setViewportSize({ width: 1440, height: 900 });

  // The filters are in the URL: a reload keeps them.
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Activity"] > li').length === 4);
  assertEqual(await filters.getByLabel("Activity type").inputValue(), "follow", "the type filter survives a reload");

  // A time range in the browser's zone: nothing of Mara's follows happened before 2020.
  await filters.getByLabel("Until").fill("2020-01-01T00:00");
  await visible(page.getByText("No activity matches these filters."));
  assert(/[?&]to=20(19|20)-/.test(new URL(page.url()).search), `the range is in the URL as an instant: ${page.url()}`);
  await page.reload();
  await visible(page.getByText("No activity matches these filters."));
  assertEqual(await filters.getByLabel("Until").inputValue(), "2020-01-01T00:00", "the range reads back in the browser's zone");
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await atPath(page, "/activity");
  await visible(entries);
  assertEqual(await entries.count(), 50, "cleared: the whole log again");
}
