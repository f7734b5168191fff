// The due queue, a post's page and the engagement charts: a post scheduled a minute
// ahead (the server's clock is real time) appears in the queue once its time has come
// and is recorded as published with the platform's id; a second account at its daily
// limit is refused beside its form with the time it frees (Europe/Berlin); a late
// immediate checkpoint of an older post is marked late and its counts recorded from the
// queue; the new post's immediate counts are recorded on its page (early, with the
// weighted rate); and the engagement screen's table alternatives list the rates the
// journey computes itself, with the template's success rate.
import { apiCall, assert, assertEqual, atPath, expectFocused, visible } from "../harness.mjs";

const user = { email: "due-journey@example.com", password: "due journey password" };
const zone = "Europe/Berlin";

const personaBody = {
  name: "Greta Due",
  status: "active",
  demographics: { age: 34, gender: "female", location: "Berlin", occupation: "cyclist" },
  personality: { interests: ["cycling"], communication_style: "dry" },
  primary_location: "Berlin",
  timezone: zone,
  language_preferences: ["de", "en"],
  // No posting times: a post may be scheduled at any time.
  activity_schedule: {},
  content_themes: { topics: ["cycling"], hashtags: ["#rad"] },
  engagement_style: { comment_frequency: "low" },
};

// The journey's own weighted rate (docs/engagement.md), to check the screen's.
function rate({ likes = 0, comments = 0, shares = 0, saves = 0, views }) {
  return (Math.round((10000 * (likes + 2 * comments + 3 * shares + 2 * saves)) / views) / 100).toFixed(2) + " %";
}

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

async function fitsPhone(page, what) {
  await page.setViewportSize({ width: 375, height: 812 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1440, height: 900 });
  assert(width <= 375, `${what} is ${width} px wide at 375 px`);
}

export async function run({ page, context, server, baseURL, screen }) {
  server.persona(["user", "add", "--email", user.email, "--password-stdin"], user.password);
  await apiCall(context, baseURL, "POST", "/api/v1/auth/login", user);
  const persona = await apiCall(context, baseURL, "POST", "/api/v1/personas", personaBody);
  const account = await apiCall(context, baseURL, "POST", `/api/v1/personas/${persona.id}/accounts`, {
    platform_type: "twitter",
    username: "greta_due",
    credentials: { password: "platform secret" },
  });
  const limited = await apiCall(context, baseURL, "POST", `/api/v1/personas/${persona.id}/accounts`, {
    platform_type: "instagram",
    username: "greta.limited",
    credentials: { password: "platform secret" },
    daily_post_limit: 1,
  });
  const template = await apiCall(context, baseURL, "POST", "/api/v1/templates", {
    template_name: "Due journey ride",
    content_type: "text",
    template_text: "Evening ride through {{persona.primary_location}}, {{theme}}.",
    target_platforms: ["twitter"],
  });

  // Due in about a minute: the new post (from the template) and one on the limited account.
  const dueAt = Date.now() + 65_000;
  const post = await apiCall(context, baseURL, "POST", "/api/v1/posts", {
    platform_account_id: account.id,
    content_template_id: template.id,
    theme: "river wind",
    scheduled_for: iso(dueAt),
  });
  assertEqual(post.state, "scheduled", "the post is scheduled");
  const refusedPost = await apiCall(context, baseURL, "POST", "/api/v1/posts", {
    platform_account_id: limited.id,
    final_content: "A second photo of the canal today",
    scheduled_for: iso(dueAt),
  });
  // The limited account has used its one post today.
  const first = await apiCall(context, baseURL, "POST", "/api/v1/posts", { platform_account_id: limited.id, final_content: "Morning canal photo" });
  await apiCall(context, baseURL, "POST", `/api/v1/posts/${first.id}/publish`, { platform_post_id: "ig-1" });
  // Published 100 minutes ago: its immediate checkpoint (due after 1 h) is late (past 30 min of grace).
  const older = await apiCall(context, baseURL, "POST", "/api/v1/posts", { platform_account_id: account.id, final_content: "Old news about the Spree bridge" });
  await apiCall(context, baseURL, "POST", `/api/v1/posts/${older.id}/publish`, {
    platform_post_id: "1790000000000000000",
    published_at: iso(Date.now() - 100 * 60_000),
  });

  // Published three hours ago and never measured: its immediate checkpoint is missed.
  const forgotten = await apiCall(context, baseURL, "POST", "/api/v1/posts", { platform_account_id: account.id, final_content: "Forgotten lunch at the Markthalle" });
  await apiCall(context, baseURL, "POST", `/api/v1/posts/${forgotten.id}/publish`, {
    platform_post_id: "1790000000000000002",
    published_at: iso(Date.now() - 180 * 60_000),
  });

  // The queue before the posts are due: the checkpoints only.
  await page.goto("/due");
  await visible(page.getByRole("heading", { name: "Due now", level: 1 }));
  await visible(page.getByText("Nothing to publish right now."));
  const lateForm = page.getByRole("form", { name: "Immediate engagement of “Old news about the Spree bridge”" });
  await visible(lateForm);
  const lateItem = page.getByRole("listitem").filter({ has: lateForm });
  await visible(lateItem.getByText("Late", { exact: true }));
  await visible(lateItem.getByText("Greta Due"));
  await visible(lateItem.getByText("@greta_due on X (Twitter)"));
  await visible(lateItem.getByText(zone).first());
  const missedItem = page.getByRole("listitem").filter({ has: page.getByRole("form", { name: "Immediate engagement of “Forgotten lunch at the Markthalle”" }) });
  await visible(missedItem.getByText("Missed", { exact: true }));

  // Wait in real time until the scheduled posts are due (the server's clock decides).
  const publishForm = page.getByRole("form", { name: /^Publish “Evening ride through Berlin/ });
  while (Date.now() < dueAt + 2_000) await page.waitForTimeout(2_000);
  for (let i = 0; i < 10 && !(await publishForm.isVisible()); i++) {
    await page.getByRole("button", { name: "Refresh" }).click();
    await page.waitForTimeout(1_000);
  }
  await visible(publishForm);
  const refusedForm = page.getByRole("form", { name: "Publish “A second photo of the canal today”" });
  await visible(refusedForm);
  await visible(page.getByRole("link", { name: "Open the post “A second photo of the canal today”" }));
  const when = publishForm.getByLabel(`Published at (${zone})`);
  assert((await when.inputValue()).length === 16, "the time defaults to now on the persona's clock");
  await screen("due");
  await fitsPhone(page, "the due queue");

  // The limited account is refused beside its form, with the time it frees in Berlin.
  await refusedForm.getByLabel("Platform post id").fill("ig-2");
  await refusedForm.getByRole("button", { name: "I have published it" }).click();
  const refusal = page.getByRole("listitem").filter({ has: refusedForm }).getByRole("alert").filter({ hasText: "reached its daily post limit" });
  await visible(refusal);
  await visible(refusal.getByText(zone));
  const stillScheduled = await apiCall(context, baseURL, "GET", `/api/v1/posts/${refusedPost.id}`);
  assertEqual(stillScheduled.state, "scheduled", "the refused post stays scheduled");
  await screen("due-refused");
  // Dark mode too: axe checks the marks' and the refusal's contrast.
  await page.emulateMedia({ colorScheme: "dark" });
  await screen("due-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // Published from the queue.
  await publishForm.getByLabel("Platform post id").fill("1790000000000000001");
  await publishForm.getByRole("button", { name: "I have published it" }).click();
  await visible(page.getByRole("status").filter({ hasText: "Recorded “Evening ride through Berlin" }));
  await publishForm.waitFor({ state: "detached" });
  await expectFocused(page.getByRole("status").filter({ hasText: "Recorded “Evening ride" }), "focus moves to what was done");
  const published = await apiCall(context, baseURL, "GET", `/api/v1/posts/${post.id}`);
  assertEqual(published.state, "published", "the post is published");
  assertEqual(published.platform_post_id, "1790000000000000001", "with the platform's id");

  // The late checkpoint's counts, from the queue.
  const late = { likes: 4, comments: 1, views: 200 };
  await lateForm.getByLabel("Likes").fill(String(late.likes));
  await lateForm.getByLabel("Comments").fill(String(late.comments));
  await lateForm.getByLabel("Views").fill(String(late.views));
  await lateForm.getByRole("button", { name: "Record counts" }).click();
  await visible(page.getByRole("status").filter({ hasText: "Immediate engagement of “Old news about the Spree bridge” saved." }));
  await lateForm.waitFor({ state: "detached" });
  const olderNow = await apiCall(context, baseURL, "GET", `/api/v1/posts/${older.id}`);
  assertEqual(olderNow.immediate_engagement.metrics.views, 200, "the late counts are stored");
  assertEqual(olderNow.immediate_engagement.late, true, "and marked late by the server");

  // Its later windows too (recorded early, through the API), for the charts' three series.
  const daily = { likes: 10, shares: 2, views: 300 };
  const weekly = { likes: 20, comments: 4, saves: 3, views: 500 };
  await apiCall(context, baseURL, "PUT", `/api/v1/posts/${older.id}/engagement/daily`, daily);
  await apiCall(context, baseURL, "PUT", `/api/v1/posts/${older.id}/engagement/weekly`, weekly);

  // The post's page: its text, times in Berlin, the three checkpoints.
  await page.goto(`/posts/${post.id}`);
  await visible(page.getByRole("heading", { name: /^Published post: Evening ride through Berlin/, level: 1 }));
  await visible(page.getByRole("link", { name: "Due journey ride" }));
  await visible(page.getByRole("link", { name: "@greta_due on X (Twitter)" }));
  for (const name of ["Immediate (1 hour after)", "Daily (24 hours after)", "Weekly (7 days after)"]) {
    await visible(page.getByRole("heading", { name, level: 3 }));
  }
  assertEqual(await page.getByRole("link", { name: "Edit" }).count(), 0, "a published post is not edited");
  const counts = { likes: 12, comments: 3, shares: 2, saves: 1, views: 400, reach: 350 };
  const form = page.getByRole("form", { name: "Immediate engagement" });
  for (const [name, value] of Object.entries(counts)) {
    await form.getByLabel(name === "likes" ? "Likes" : name.charAt(0).toUpperCase() + name.slice(1), { exact: true }).fill(String(value));
  }
  await form.getByRole("button", { name: "Record counts" }).click();
  await visible(page.getByRole("status").filter({ hasText: "Immediate engagement saved." }));
  const immediate = page.getByRole("region", { name: "Immediate (1 hour after)" });
  await visible(immediate.getByText(rate(counts)));
  await visible(immediate.getByText("early", { exact: true }));
  const measured = await apiCall(context, baseURL, "GET", `/api/v1/posts/${post.id}`);
  assertEqual(measured.immediate_engagement.metrics.views, 400, "the counts are stored");
  assertEqual(measured.immediate_engagement.early, true, "captured before its due time: early");
  assertEqual(measured.template_effectiveness, 6.5, "the server's rate agrees");
  await screen("post");
  await page.emulateMedia({ colorScheme: "dark" });
  await screen("post-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await fitsPhone(page, "the post");

  // The refused post's page: still scheduled, editable, publishable; deleted after a confirmation.
  await page.goto(`/posts/${refusedPost.id}`);
  await visible(page.getByRole("heading", { name: "Scheduled post: A second photo of the canal today", level: 1 }));
  assertEqual(await page.getByRole("link", { name: "Edit" }).getAttribute("href"), `/compose?post=${refusedPost.id}`, "edit goes to the composer");
  await visible(page.getByRole("form", { name: "Record the publication" }).getByLabel(`Published at (${zone})`));
  await visible(page.getByText("Counts can be recorded once the post is published.").first());
  await screen("post-scheduled");
  await page.getByRole("button", { name: "Delete post" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete this post?" });
  await visible(confirm);
  await confirm.getByRole("button", { name: "Delete post" }).click();
  await atPath(page, "/calendar");
  const gone = await apiCall(context, baseURL, "GET", `/api/v1/posts/${refusedPost.id}`).then(() => false, (e) => /404/.test(String(e)));
  assert(gone, "the refused post is deleted");

  // The engagement screen: the table alternatives hold the rates.
  await page.goto("/engagement");
  await visible(page.getByRole("heading", { name: "Engagement", level: 1 }));
  const personaTable = page.getByRole("table", { name: "Persona Greta Due: weighted engagement rate by window" });
  await personaTable.waitFor({ state: "attached" });
  const newRow = personaTable.getByRole("row").filter({ hasText: "Evening ride through Berlin" });
  assertEqual(await newRow.getByRole("cell").nth(2).textContent(), rate(counts), "the new post's immediate rate");
  const oldRow = personaTable.getByRole("row").filter({ hasText: "Old news about the Spree bridge" });
  assertEqual(await oldRow.getByRole("cell").nth(2).textContent(), rate(late), "the older post's immediate rate");
  assertEqual(await oldRow.getByRole("cell").nth(3).textContent(), rate(daily), "its daily rate");
  assertEqual(await oldRow.getByRole("cell").nth(4).textContent(), rate(weekly), "its weekly rate");
  assertEqual(await newRow.getByRole("cell").nth(3).textContent(), "—", "no daily rate yet for the new post");
  const templateTable = page.getByRole("table", { name: "Template Due journey ride: weighted engagement rate by window" });
  assertEqual(await templateTable.getByRole("row").count(), 2, "the template's table: a header and its one post");
  await visible(page.getByText("Success rate 100 %"));
  // The table shows on demand.
  const toggle = page.getByRole("button", { name: "Show as a table" }).first();
  await toggle.click();
  await visible(personaTable);
  assertEqual(await page.getByRole("button", { name: "Hide the table" }).first().getAttribute("aria-expanded"), "true", "the toggle says so");
  await screen("engagement");
  await page.emulateMedia({ colorScheme: "dark" });
  await screen("engagement-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await fitsPhone(page, "the engagement screen");
  await atPath(page, "/engagement");
}
