// Personas: a persona created through the editor with a weekly schedule in Asia/Manila
// (a refused age first, told beside its field), edited, seen in the list; the plan's
// limit refused plainly past max_personas; a persona deleted through the confirmation.
import { apiCall, assert, assertEqual, atPath, expectFocus, visible } from "../harness.mjs";

const user = { email: "personas-ui@example.com", password: "personas journey password" };

// A persona for arranging the limit, with only what the API requires.
function minimalPersona(name) {
  return {
    name,
    primary_location: "Cebu",
    timezone: "Asia/Manila",
    demographics: {},
    personality: {},
    activity_schedule: {},
    content_themes: {},
    engagement_style: {},
  };
}

async function addTime(page, day, index, time) {
  await page.getByRole("button", { name: `Add time on ${day}` }).click();
  const field = page.getByLabel(`${day} posting time ${index}`, { exact: true });
  await visible(field);
  await expectFocus(page, await field.getAttribute("name"), `the new ${day} time has the focus`);
  await field.fill(time);
}

// At 375 px the page itself never scrolls sideways (tables scroll in their region).
async function fitsPhone(page, what) {
  await page.setViewportSize({ width: 375, height: 812 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1440, height: 900 });
  assert(width <= 375, `${what} is ${width} px wide at 375 px`);
}

export async function run({ page, context, server, baseURL, screen }) {
  server.persona(["user", "add", "--email", user.email, "--password-stdin"], user.password);

  // Through the login screen, to the (empty) list.
  await page.goto("/personas");
  await atPath(page, "/login?next=%2Fpersonas");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await atPath(page, "/personas");
  await visible(page.getByText("No personas yet."));
  await visible(page.getByText("0 of 5 personas on your plan (basic)."));

  // The editor of a new persona.
  await page.getByRole("link", { name: "New persona" }).click();
  await atPath(page, "/personas/new");
  await visible(page.getByRole("heading", { name: "New persona" }));
  await page.getByLabel("Name", { exact: true }).fill("Maria Santos");
  await page.getByLabel("Primary location").fill("Manila");
  await page.getByLabel("Time zone").selectOption("Asia/Manila");
  await visible(page.getByText("Times in Asia/Manila"));
  await page.getByLabel("Age", { exact: true }).fill("200");
  await page.getByLabel("Gender").fill("female");
  await page.getByLabel("Occupation").fill("nurse");
  await page.getByLabel("Interests").fill("cooking\nbasketball");
  await page.getByLabel("Languages").fill("en, english");
  await page.getByLabel("Hashtags").fill("#manila #food");
  await page.getByLabel("Comment frequency").selectOption("medium");
  await page.getByLabel("Posts per day").fill("3");
  await addTime(page, "Monday", 1, "08:30");
  await addTime(page, "Monday", 2, "12:15");
  await addTime(page, "Monday", 3, "19:00");
  await addTime(page, "Thursday", 1, "07:45");
  await addTime(page, "Thursday", 2, "21:00");
  await visible(page.getByText("5 posting times a week"));

  // Age 200: refused by the server, beside the age field, which takes the focus.
  await page.getByRole("button", { name: "Create persona" }).click();
  const age = page.getByLabel("Age", { exact: true });
  await visible(page.getByText("must be an integer from 13 to 120"));
  assertEqual(await age.getAttribute("aria-invalid"), "true", "the age field is marked invalid");
  const describedBy = (await age.getAttribute("aria-describedby")) ?? "";
  const ageError = await page.locator(`[id="${describedBy.split(" ")[0]}"]`).textContent();
  assertEqual(ageError, "must be an integer from 13 to 120", "the error is the age field's description");
  await expectFocus(page, "demographics.age", "focus moves to the age field");
  await atPath(page, "/personas/new");
  // A list's item error stands beside the list's one field, naming the item.
  const languages = page.getByLabel("Languages");
  assertEqual(await languages.getAttribute("aria-invalid"), "true", "the languages field is marked invalid");
  await visible(page.getByText('"english" must be a language code'));
  await screen("persona-editor-error");

  // Fixed: saved, and the server holds the schedule in the persona's zone.
  await age.fill("27");
  await languages.fill("en, fil");
  await page.getByRole("button", { name: "Create persona" }).click();
  await atPath(page, /^\/personas\/[0-9a-f-]{36}$/);
  await visible(page.getByRole("heading", { name: "Maria Santos" }));
  await visible(page.getByText("Persona created."));
  const id = new URL(page.url()).pathname.split("/")[2];
  let saved = await apiCall(context, baseURL, "GET", `/api/v1/personas/${id}`);
  assertEqual(saved.timezone, "Asia/Manila", "the zone is saved");
  assertEqual(JSON.stringify(saved.activity_schedule.posting_times), JSON.stringify({ monday: ["08:30", "12:15", "19:00"], thursday: ["07:45", "21:00"] }), "the weekly times are saved");
  assertEqual(saved.activity_schedule.posts_per_day, 3, "posts per day is saved");
  assertEqual(saved.demographics.age, 27, "the age is saved");
  assertEqual(JSON.stringify(saved.personality.interests), JSON.stringify(["cooking", "basketball"]), "interests are a list");
  assertEqual(JSON.stringify(saved.content_themes.hashtags), JSON.stringify(["#manila", "#food"]), "hashtags are a list");
  assertEqual(JSON.stringify(saved.language_preferences), JSON.stringify(["en", "fil"]), "the languages are saved");
  assertEqual(saved.engagement_style.comment_frequency, "medium", "the comment frequency is saved");
  assertEqual(saved.status, "inactive", "a new persona is inactive");

  // The editor shows what was saved, the grid in the persona's zone, the facts.
  assertEqual(await page.getByLabel("Monday posting time 2", { exact: true }).inputValue(), "12:15", "the grid shows the saved times");
  await visible(page.getByText("Times in Asia/Manila"));
  await visible(page.getByRole("link", { name: "Platform accounts of Maria Santos" }));
  await visible(page.getByRole("link", { name: "Assign one in Proxies" }));
  await screen("persona-editor");
  // Dark mode too: axe checks its contrast.
  await page.emulateMedia({ colorScheme: "dark" });
  await screen("persona-editor-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await fitsPhone(page, "the editor");

  // Edit: one Monday time removed, the status changed.
  await page.getByRole("button", { name: "Remove Monday 12:15" }).click();
  assertEqual(await page.getByLabel("Monday posting time 2", { exact: true }).inputValue(), "19:00", "the later time moves up");
  await page.getByLabel("Status", { exact: true }).selectOption("active");
  await page.getByRole("button", { name: "Save changes" }).click();
  await visible(page.getByText("Changes saved."));
  saved = await apiCall(context, baseURL, "GET", `/api/v1/personas/${id}`);
  assertEqual(JSON.stringify(saved.activity_schedule.posting_times.monday), JSON.stringify(["08:30", "19:00"]), "the removed time is gone");
  assertEqual(saved.status, "active", "the status is saved");
  assertEqual(saved.demographics.age, 27, "what was not touched stays");

  // Arranged through the API: a proxy for Maria, and personas up to the limit (basic: 5).
  const proxy = await apiCall(context, baseURL, "POST", "/api/v1/proxies", {
    proxy_id: "PH-MNL-PERSONAS",
    proxy_ip: "203.0.113.70",
    proxy_port: 8080,
    proxy_username: "maria",
    proxy_password: "proxy secret",
    city: "Manila",
  });
  await apiCall(context, baseURL, "PUT", `/api/v1/personas/${id}/proxy`, { proxy: proxy.id });
  await page.reload();
  await visible(page.getByText("PH-MNL-PERSONAS · 203.0.113.70 · Manila"));
  await visible(page.getByRole("link", { name: "Proxies", exact: true }));

  // In the list: status, risk, proxy and accounts of each.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Personas" }).click();
  await atPath(page, "/personas");
  await visible(page.getByText("1 of 5 personas on your plan (basic)."));
  for (const name of ["Ana Cruz", "Ben Reyes", "Carla Lim", "Dan Uy"]) {
    await apiCall(context, baseURL, "POST", "/api/v1/personas", minimalPersona(name));
  }
  await page.reload();
  const table = page.getByRole("table", { name: "Your personas" });
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Maria Santos", exact: true }) });
  await visible(row);
  await visible(row.getByText("active", { exact: true }));
  await visible(row.getByText("PH-MNL-PERSONAS · Manila"));
  await visible(row.getByText("0.00"));
  await visible(row.getByRole("link", { name: "Accounts of Maria Santos: 0" }));
  const dan = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Dan Uy", exact: true }) });
  await visible(dan.getByText("none", { exact: true }));
  await visible(dan.getByText("0.10"));
  await visible(dan.getByText("inactive", { exact: true }));
  await visible(page.getByText("5 of 5 personas on your plan (basic): the limit is reached"));
  await screen("personas");
  await fitsPhone(page, "the list");

  // Past the limit, the UI says so plainly.
  await page.getByRole("link", { name: "New persona" }).click();
  await atPath(page, "/personas/new");
  await page.getByLabel("Name", { exact: true }).fill("Elena Go");
  await page.getByLabel("Primary location").fill("Davao");
  await page.getByLabel("Time zone").selectOption("Asia/Manila");
  await page.getByRole("button", { name: "Create persona" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Persona limit reached" });
  await visible(refusal);
  await visible(refusal.getByText("The basic tier allows 5 personas and they all exist; delete one first."));
  await visible(refusal.getByText("Your plan (basic) allows 5 personas."));
  await expectFocus(page, "persona-refusal", "focus moves to the refusal");
  await atPath(page, "/personas/new");
  const list = await apiCall(context, baseURL, "GET", "/api/v1/personas");
  assertEqual(list.items.length, 5, "nothing was created past the limit");
  await screen("persona-limit");

  // Delete one through the confirmation: Esc keeps it, the confirm deletes it.
  await refusal.getByRole("link", { name: "Go to your personas" }).click();
  await atPath(page, "/personas");
  await page.getByRole("link", { name: "Dan Uy", exact: true }).click();
  await visible(page.getByRole("heading", { name: "Dan Uy" }));
  await page.getByRole("button", { name: "Delete persona" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete Dan Uy?" });
  await visible(dialog);
  await visible(dialog.getByText("This cannot be undone."));
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  assertEqual((await apiCall(context, baseURL, "GET", "/api/v1/personas")).items.length, 5, "Esc deletes nothing");
  await page.getByRole("button", { name: "Delete persona" }).click();
  await visible(dialog);
  await dialog.getByRole("button", { name: "Delete persona" }).click();
  await atPath(page, "/personas");
  await visible(page.getByText("Persona Dan Uy deleted."));
  await visible(page.getByRole("link", { name: "Maria Santos", exact: true }));
  assert((await page.getByRole("link", { name: "Dan Uy", exact: true }).count()) === 0, "the deleted persona left the list");
  const after = await apiCall(context, baseURL, "GET", "/api/v1/personas");
  assertEqual(after.items.length, 4, "the server has one persona fewer");
  assert(!after.items.some((p) => p.name === "Dan Uy"), "Dan Uy is gone on the server");

  // Below the limit again, the new persona is accepted.
  await page.getByRole("link", { name: "New persona" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Elena Go");
  await page.getByLabel("Primary location").fill("Davao");
  await page.getByLabel("Time zone").selectOption("Asia/Manila");
  await page.getByRole("button", { name: "Create persona" }).click();
  await visible(page.getByRole("heading", { name: "Elena Go" }));
}
