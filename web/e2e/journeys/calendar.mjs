// Calendar: a persona in Asia/Kolkata (09:30 every day) with an X account, a post
// scheduled at 09:30 Kolkata a few days ahead, a published post and a draft. On the
// persona's clock: the post at 09:30 in the week and in the month; dragged to the next
// day in the month it stays 09:30 Kolkata; dropped on a past day, or a published post
// dropped anywhere, it is refused and nothing changes; in the day view the drop slot's
// time is used, and the server's refusal outside the posting windows is told plainly;
// the keyboard Move… dialog moves it once; the list shows the draft. DST: a New York
// persona's 09:00 post of 13 March 2027 moved in the month to 15 March is 09:00 EDT,
// 13:00Z. At 375 px the week falls back to the list.
import { apiCall, assert, assertEqual, atPath, expectFocused, visible } from "../harness.mjs";

const user = { email: "calendar-ui@example.com", password: "calendar journey password" };
const KOLKATA = "Asia/Kolkata";
const NEW_YORK = "America/New_York";
const TEXT = "Calendar journey: chai at dawn on the ghats";

// ---- calendar dates as "YYYY-MM-DD", the way the UI names days

const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const parts = (key) => key.split("-").map(Number);
const utcOf = (key) => {
  const [y, m, d] = parts(key);
  return new Date(Date.UTC(y, m - 1, d));
};
const keyOf = (date) => date.toISOString().slice(0, 10);
const addDays = (key, n) => keyOf(new Date(utcOf(key).getTime() + n * 86_400_000));
const todayIn = (zone) => new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
// "Tuesday 8 December 2026": the accessible name of a day's button.
const longName = (key) => {
  const d = utcOf(key);
  return `${weekdays[d.getUTCDay()]} ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};
// "Tue 1 Dec": how a refusal names a day.
const shortName = (key) => {
  const d = utcOf(key);
  return `${weekdays[d.getUTCDay()].slice(0, 3)} ${d.getUTCDate()} ${months[d.getUTCMonth()].slice(0, 3)}`;
};
const monthName = (key) => `${months[parts(key)[1] - 1]} ${parts(key)[0]}`;
// The wall-clock date and time of an instant in a zone: ["2026-12-08", "09:30"].
const wallIn = (iso, zone) => {
  const f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return [`${p.year}-${p.month}-${p.day}`, `${p.hour}:${p.minute}`];
};

function persona(name, timezone, time) {
  const days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
  return {
    name,
    primary_location: timezone === KOLKATA ? "Varanasi" : "Brooklyn",
    timezone,
    demographics: {},
    personality: {},
    activity_schedule: { posting_times: Object.fromEntries(days.map((d) => [d, [time]])) },
    content_themes: {},
    engagement_style: {},
  };
}

export async function run({ page, context, baseURL, server, screen }) {
  server.persona(["user", "add", "--email", user.email, "--password-stdin"], user.password);
  await apiCall(context, baseURL, "POST", "/api/v1/auth/login", user);
  const api = (method, path, body) => apiCall(context, baseURL, method, path, body);

  // Arranged: Priya in Kolkata, her X account, a post at 09:30 two days ahead, a
  // published post (now) and a draft.
  const priya = await api("POST", "/api/v1/personas", persona("Priya Calendar", KOLKATA, "09:30"));
  const x = await api("POST", `/api/v1/personas/${priya.id}/accounts`, { platform_type: "x", username: "priya_cal", credentials: { password: "x" } });
  const today = todayIn(KOLKATA);
  const day = addDays(today, 2);
  // Kolkata is UTC+05:30 all year: 09:30 there is 04:00Z.
  const post = await api("POST", "/api/v1/posts", { platform_account_id: x.id, final_content: TEXT, scheduled_for: `${day}T04:00:00Z` });
  const published = await api("POST", "/api/v1/posts", { platform_account_id: x.id, final_content: "Calendar journey: already out, the sunrise boats" });
  await api("POST", `/api/v1/posts/${published.id}/publish`, { platform_post_id: "1860000000000000001" });
  await api("POST", "/api/v1/posts", { platform_account_id: x.id, final_content: "Calendar journey draft: monsoon recipes" });
  const postNow = () => api("GET", `/api/v1/posts/${post.id}`);

  // The calendar on the browser's clock first, named as such; then Priya's, by the switch.
  await page.goto("/calendar");
  await visible(page.getByRole("heading", { name: "Calendar", level: 1 }));
  const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await visible(page.getByText(`Times in your zone, ${browserZone}`));
  await visible(page.getByRole("link", { name: "New post" }));
  await visible(page.getByRole("link", { name: "Import posts" }));
  await page.getByLabel("Persona").selectOption({ label: "Priya Calendar" });
  await visible(page.getByText(`Times in ${KOLKATA} (Priya Calendar)`));
  await page.getByLabel("Show times in").selectOption(browserZone);
  await visible(page.getByText(`Times in your zone, ${browserZone}`));
  await page.getByLabel("Show times in").selectOption(KOLKATA);
  await visible(page.getByText(`Times in ${KOLKATA}`));
  await page.getByLabel("Account").selectOption({ label: "X @priya_cal" });
  const query = new URL(page.url()).searchParams;
  assertEqual(query.get("persona"), priya.id, "the persona filter is in the URL");
  assertEqual(query.get("zone"), KOLKATA, "the zone is in the URL");
  assertEqual(query.get("account"), x.id, "the account filter is in the URL");

  // Week view (the default): the post in the 09:30 row.
  const tile = page.getByRole("link", { name: new RegExp(TEXT.slice(0, 30)) });
  const monday = (key) => addDays(key, -((utcOf(key).getUTCDay() + 6) % 7));
  if (monday(day) !== monday(today)) await page.getByRole("button", { name: "Next week" }).click();
  const row = (time) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: time, exact: true }) });
  await visible(row("09:30").getByRole("link", { name: new RegExp(TEXT.slice(0, 30)) }));
  assert((await tile.textContent()).includes("09:30"), "the week's tile shows 09:30");
  await screen("calendar-week");

  // At 375 px the week falls back to the list by day, and says why.
  await page.setViewportSize({ width: 375, height: 812 });
  await visible(page.getByText("Week and month need a wider screen: the week is shown as a list by day."));
  await visible(page.getByRole("heading", { name: new RegExp(`^${longName(day)}`), level: 3 }));
  assert(await page.getByRole("button", { name: "Month", exact: true }).isDisabled(), "month is not offered at 375 px");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= 375, `the calendar is ${width} px wide at 375 px`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await visible(row("09:30"));

  // Month view of the month around yesterday (its six weeks reach four days ahead).
  await page.getByRole("button", { name: "Month", exact: true }).click();
  await page.getByRole("button", { name: "Today", exact: true }).click();
  const yesterday = addDays(today, -1);
  if (parts(yesterday)[1] !== parts(today)[1]) await page.getByRole("button", { name: "Previous month" }).click();
  await visible(page.getByRole("heading", { name: monthName(yesterday), level: 2 }));
  const dayButton = (key) => page.getByRole("button", { name: new RegExp(`^${longName(key)}( \\(today\\))?$`) });
  const cell = (key) => page.getByRole("cell").filter({ has: dayButton(key) });
  await visible(cell(day).getByRole("link", { name: new RegExp(TEXT.slice(0, 30)) }));
  assert((await tile.textContent()).includes("09:30"), "the month's tile shows 09:30");
  assert((await tile.textContent()).includes("@priya_cal"), "the month's tile shows the account");
  await screen("calendar-month");

  // Dragged to the next day: the same 09:30 in Kolkata, one day later.
  await tile.dragTo(dayButton(addDays(day, 1)));
  await visible(page.getByRole("status").filter({ hasText: "Moved “Calendar journey" }));
  let saved = await postNow();
  assertEqual(JSON.stringify(wallIn(saved.scheduled_for, KOLKATA)), JSON.stringify([addDays(day, 1), "09:30"]), "moved a day, still 09:30 Kolkata");
  await visible(cell(addDays(day, 1)).getByRole("link", { name: new RegExp(TEXT.slice(0, 30)) }));

  // Dropped on yesterday: refused, told, and the server still has it where it was.
  await tile.dragTo(dayButton(yesterday));
  await visible(page.getByRole("alert").filter({ hasText: `${shortName(yesterday)} is in the past` }));
  assertEqual((await postNow()).scheduled_for, saved.scheduled_for, "a refused drop changes nothing");

  // A published post stays put, whatever day it is dropped on.
  const publishedTile = page.getByRole("link", { name: /already out, the sunrise boats/ });
  await publishedTile.dragTo(dayButton(addDays(day, 1)));
  await visible(page.getByRole("alert").filter({ hasText: "A published post stays where it was published" }));
  assertEqual((await api("GET", `/api/v1/posts/${published.id}`)).scheduled_for ?? null, null, "the published post is untouched");

  // The day view: a drop takes the slot's time. 14:00 is outside Priya's windows, so the
  // server refuses and says why; 10:00 is within 30 minutes of 09:30 and is taken.
  const moved = addDays(day, 1);
  await dayButton(moved).click();
  await visible(page.getByRole("heading", { name: longName(moved), level: 2 }));
  await dragWithoutScrolling(page, tile, row("14:00").getByRole("cell"));
  await visible(page.getByRole("alert").filter({ hasText: "no posting time near" }));
  assertEqual((await postNow()).scheduled_for, saved.scheduled_for, "the server's refusal changes nothing");
  await screen("calendar-day");
  await dragWithoutScrolling(page, tile, row("10:00").getByRole("cell"));
  await visible(page.getByRole("status").filter({ hasText: "Moved “Calendar journey" }));
  saved = await postNow();
  assertEqual(JSON.stringify(wallIn(saved.scheduled_for, KOLKATA)), JSON.stringify([moved, "10:00"]), "the day view's slot time is used");
  await visible(row("10:00").getByRole("link", { name: new RegExp(TEXT.slice(0, 30)) }));

  // The keyboard way: Move… opens the dialog prefilled on Kolkata's clock; a time the
  // schedule has no window for is refused beside the time; 09:30 two days later is taken.
  const moveButton = page.getByRole("button", { name: new RegExp(`^Move “${TEXT.slice(0, 30)}`) });
  await moveButton.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Move post" });
  await visible(dialog);
  assertEqual(await dialog.getByLabel("Date").inputValue(), moved, "the dialog starts at the post's date");
  assertEqual(await dialog.getByLabel("Time").inputValue(), "10:00", "the dialog starts at the post's time");
  await visible(dialog.getByText(`(${KOLKATA})`));
  await dialog.getByLabel("Time").fill("12:00");
  await dialog.getByRole("button", { name: "Move post" }).click();
  await visible(dialog.getByText("no posting time near"));
  assertEqual(await dialog.getByLabel("Time").getAttribute("aria-invalid"), "true", "the refusal stands beside the time");
  await screen("calendar-move");
  await dialog.getByLabel("Date").fill(addDays(day, 2));
  await dialog.getByLabel("Time").fill("09:30");
  await dialog.getByRole("button", { name: "Move post" }).click();
  await dialog.waitFor({ state: "hidden" });
  await expectFocused(page.getByRole("status").filter({ hasText: "Moved “Calendar journey" }), "focus goes to the news of the move");
  saved = await postNow();
  assertEqual(JSON.stringify(wallIn(saved.scheduled_for, KOLKATA)), JSON.stringify([addDays(day, 2), "09:30"]), "the dialog moved it");

  // The list: an agenda by day, and the draft in its own group.
  await page.getByRole("button", { name: "List", exact: true }).click();
  await visible(page.getByRole("heading", { name: "Drafts, not scheduled", level: 3 }));
  await visible(page.getByRole("link", { name: /monsoon recipes/ }));
  assertEqual(await tile.getAttribute("href"), `/posts/${post.id}`, "a post links to its page");
  // The post's day is in this month's agenda unless two days on is next month.
  if (parts(addDays(day, 2))[1] === parts(today)[1]) {
    await visible(page.getByRole("heading", { name: new RegExp(`^${longName(addDays(day, 2))}`), level: 3 }));
  }
  await screen("calendar-list");

  // A draft is scheduled through the same dialog, starting at Priya's next posting time.
  await page.getByRole("button", { name: /^Schedule “Calendar journey draft/ }).click();
  const schedule = page.getByRole("dialog", { name: "Schedule post" });
  await visible(schedule);
  const [nowDay, nowTime] = wallIn(new Date().toISOString(), KOLKATA);
  assertEqual(await schedule.getByLabel("Date").inputValue(), nowTime < "09:30" ? nowDay : addDays(nowDay, 1), "the next posting day");
  assertEqual(await schedule.getByLabel("Time").inputValue(), "09:30", "the next posting time");
  await schedule.getByLabel("Date").fill(addDays(day, 3));
  await schedule.getByRole("button", { name: "Schedule post" }).click();
  await schedule.waitFor({ state: "hidden" });
  await visible(page.getByText("No drafts."));
  const drafts = await api("GET", `/api/v1/posts?persona_id=${priya.id}&state=draft`);
  assertEqual(drafts.items.length, 0, "the draft is scheduled");

  // DST: New York's 09:00 on 13 March 2027 (EST, 14:00Z), moved in the month to
  // 15 March (EDT since the 14th): 09:00 there is 13:00Z.
  const nora = await api("POST", "/api/v1/personas", persona("Nora Calendar", NEW_YORK, "09:00"));
  const insta = await api("POST", `/api/v1/personas/${nora.id}/accounts`, { platform_type: "instagram", username: "nora_cal", credentials: { password: "x" } });
  const dst = await api("POST", "/api/v1/posts", {
    platform_account_id: insta.id,
    final_content: "Calendar journey DST: bagels before the clocks change",
    scheduled_for: "2027-03-13T14:00:00Z",
  });
  await page.reload();
  // Shown on Priya's clock, the calendar follows to Nora's.
  await page.getByLabel("Persona").selectOption({ label: "Nora Calendar" });
  assertEqual(await page.getByLabel("Show times in").inputValue(), NEW_YORK, "the zone follows the persona");
  await visible(page.getByText(`Times in ${NEW_YORK} (Nora Calendar)`));
  await page.getByRole("button", { name: "Month", exact: true }).click();
  for (let i = 0; i < 30 && !(await page.getByRole("heading", { name: "March 2027", level: 2 }).isVisible()); i++) {
    await page.getByRole("button", { name: "Next month" }).click();
  }
  await visible(page.getByRole("heading", { name: "March 2027", level: 2 }));
  const bagels = page.getByRole("link", { name: /bagels before the clocks change/ });
  await visible(cell("2027-03-13").getByRole("link", { name: /bagels before the clocks change/ }));
  assert((await bagels.textContent()).includes("09:00"), "the tile shows 09:00 New York");
  await bagels.dragTo(dayButton("2027-03-15"));
  await visible(page.getByRole("status").filter({ hasText: "Moved “Calendar journey DST" }));
  assertEqual((await api("GET", `/api/v1/posts/${dst.id}`)).scheduled_for, "2027-03-15T13:00:00Z", "09:00 EDT, not 14:00Z");
  await visible(cell("2027-03-15").getByRole("link", { name: /bagels before the clocks change/ }));
  assert((await bagels.textContent()).includes("09:00"), "still 09:00 New York after the change");
  await atPath(page, /^\/calendar\?/);
}

// A synthetic drag whose source and target both lie below the fold never starts
// (Playwright scrolls between pressing and moving, and Chromium sees no drag); a person
// drags with the page auto-scrolling. So the window is made tall enough for the drag.
async function dragWithoutScrolling(page, source, target) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: size.width, height: 2000 });
  try {
    await source.dragTo(target);
  } finally {
    await page.setViewportSize(size);
  }
}
