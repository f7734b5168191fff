// Templates: a template written in the editor with placeholders and a hashtag strategy
// (its own rule for X); the live preview renders the unsaved text for persona A, then
// for persona B (her name and city, her hashtags), and on Instagram with the default
// rule; an unknown placeholder is marked where it is, with the server's message; a text
// too long for X shows how far over it is; saved, checked on the server, edited with a
// replacement rule, seen in the list, and deleted after a confirmation.
import { apiCall, assert, assertEqual, atPath, expectFocus, visible } from "../harness.mjs";

const user = { email: "templates-journey@example.com", password: "templates journey passphrase" };

function persona(name, location, hashtags) {
  return {
    name,
    status: "active",
    primary_location: location,
    timezone: "Asia/Manila",
    demographics: { age: 27 },
    personality: {},
    activity_schedule: {},
    content_themes: { topics: ["coffee"], hashtags },
    engagement_style: {},
  };
}

// Waits until the preview shows `expected` rendered for `who` on `platform` (the preview
// follows the typing ~300 ms later; its element is made anew when problems come between).
async function rendered(page, who, platform, expected) {
  const post = page.getByRole("group", { name: `Rendered for ${who} on ${platform}` });
  const deadline = Date.now() + 30_000;
  let shown = null;
  while (Date.now() < deadline) {
    shown = await post.textContent({ timeout: 1_000 }).catch(() => null);
    if (shown === expected) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the preview for ${who} on ${platform} reads ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
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
  const call = (method, path, body) => apiCall(context, baseURL, method, path, body);
  await call("POST", "/api/v1/personas", persona("Tala Reyes", "Cebu City", ["#cebu", "island life"]));
  await call("POST", "/api/v1/personas", persona("Marco Diaz", "Davao City", ["#davao"]));

  // The empty list leads to the editor.
  await page.goto("/templates");
  await visible(page.getByText("No templates yet."));
  await page.getByRole("link", { name: "New template" }).click();
  await atPath(page, "/templates/new");
  await visible(page.getByRole("heading", { name: "New template" }));

  // Refusals beside their fields: JSON that does not parse (found before asking), then
  // the server's "no name".
  const timing = page.getByLabel("Timing rules (JSON)");
  await timing.fill('{"best_hours": [7, 8]');
  await page.getByRole("button", { name: "Create template" }).click();
  await visible(page.getByText('must be a JSON object, such as {"max_hashtags": 5}'));
  await expectFocus(page, "timing_rules", "focus moves to the timing rules");
  await timing.fill('{"best_hours": [7, 8]}');
  await page.getByRole("button", { name: "Create template" }).click();
  const name = page.getByLabel("Name", { exact: true });
  await name.and(page.locator('[aria-invalid="true"]')).waitFor();
  await expectFocus(page, "template_name", "focus moves to the name the server refused");
  await atPath(page, "/templates/new");

  // A text with two placeholders; hashtags: #GoodMorning by default, X its own rule.
  const base = "Good morning from {{persona.primary_location}}! {{persona.name}} here.";
  const text = page.getByLabel("Text", { exact: true });
  await name.fill("Morning hello");
  await text.fill(base);
  await page.getByLabel("Hashtags always added", { exact: true }).fill("#GoodMorning");
  await page.getByLabel("A rule of its own for X (Twitter)").check();
  await page.getByLabel("Hashtags always added for X (Twitter)").fill("kape");
  await page.getByLabel("At most for X (Twitter)").fill("2");

  // Persona A on X: her name and city, then #kape and her first hashtag (at most 2).
  const preview = page.getByRole("region", { name: "Preview" });
  await preview.getByLabel("Persona", { exact: true }).selectOption({ label: "Tala Reyes" });
  assertEqual(await preview.getByLabel("Platform").inputValue(), "twitter", "the preview starts on the first target platform");
  await rendered(page, "Tala Reyes", "X (Twitter)", "Good morning from Cebu City! Tala Reyes here.\n\n#kape #cebu");
  await visible(preview.getByText("#kape #cebu", { exact: true }));

  // Persona B: her name, her city, her hashtag.
  await preview.getByLabel("Persona", { exact: true }).selectOption({ label: "Marco Diaz" });
  await rendered(page, "Marco Diaz", "X (Twitter)", "Good morning from Davao City! Marco Diaz here.\n\n#kape #davao");
  // Typed key by key: each change asks again and aborts the question before, so the
  // preview ends on the whole text, not on a slower answer to part of it.
  await text.press("End");
  await text.pressSequentially(" Salamat!", { delay: 40 });
  await rendered(page, "Marco Diaz", "X (Twitter)", "Good morning from Davao City! Marco Diaz here. Salamat!\n\n#kape #davao");
  await text.fill(base);
  // Instagram has no rule of its own: the default one.
  await preview.getByLabel("Platform").selectOption({ label: "Instagram" });
  await rendered(page, "Marco Diaz", "Instagram", "Good morning from Davao City! Marco Diaz here.\n\n#GoodMorning #davao");
  await visible(preview.getByText("67 / 2200 — 2133 left"));
  await preview.getByLabel("Platform").selectOption({ label: "X (Twitter)" });
  await rendered(page, "Marco Diaz", "X (Twitter)", "Good morning from Davao City! Marco Diaz here.\n\n#kape #davao");

  // An unknown placeholder: marked where it is in a copy of the text, with the message.
  await text.fill(base + " Call me {{ persona.nickname }}.");
  const marks = page.getByRole("group", { name: "Placeholders the preview could not fill, marked in the text:" });
  await visible(marks);
  const mark = marks.locator("mark");
  assertEqual(await mark.count(), 1, "one placeholder is marked");
  assertEqual(await mark.textContent(), "{{ persona.nickname }}", "the unknown placeholder is the marked one");
  assertEqual(
    await marks.locator("pre").textContent(),
    base + " Call me {{ persona.nickname }}.",
    "the marked copy is the whole text",
  );
  await visible(marks.getByText(/^unknown placeholder \{\{persona\.nickname\}\}; use persona\.name/));
  await visible(preview.getByText("Cannot be rendered for Marco Diaz:"));
  await screen("template-editor-unknown");
  // Dark mode too: axe checks the marks' and the preview's contrast.
  await page.emulateMedia({ colorScheme: "dark" });
  await screen("template-editor-unknown-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // Too long for X: the count against 280, and how far over.
  const filler = " Kape muna bago trabaho.".repeat(10);
  await text.fill(base + filler);
  const expected = `Good morning from Davao City! Marco Diaz here.${filler}\n\n#kape #davao`;
  const length = [...expected].length;
  assert(length > 280, `the journey's text is over 280 (${length})`);
  await rendered(page, "Marco Diaz", "X (Twitter)", expected);
  await visible(preview.getByText(`${length} / 280 — ${length - 280} over — too long for X (Twitter)`));
  assertEqual(await marks.count(), 0, "nothing is marked once the placeholders are known");
  await screen("template-editor");
  await fitsPhone(page, "the template editor");

  // Saved as it stands (a long text is the operator's call); the server holds it all.
  await page.getByRole("button", { name: "Create template" }).click();
  await atPath(page, /^\/templates\/[0-9a-f-]{36}$/);
  await visible(page.getByRole("heading", { name: "Morning hello" }));
  await visible(page.getByText("Template created."));
  const id = new URL(page.url()).pathname.split("/")[2];
  assertEqual(await page.getByRole("link", { name: "Use in a new post" }).getAttribute("href"), `/compose?template=${id}`, "the link to compose");
  let saved = await call("GET", `/api/v1/templates/${id}`);
  assertEqual(saved.template_name, "Morning hello", "the name");
  assertEqual(saved.template_text, base + filler, "the text, placeholders and all");
  assertEqual(saved.content_type, "text", "the content type");
  assertEqual(JSON.stringify(saved.target_platforms), JSON.stringify(["twitter"]), "the target platforms");
  assertEqual(
    JSON.stringify(saved.hashtag_strategy),
    JSON.stringify({ default: { fixed: ["#GoodMorning"] }, twitter: { fixed: ["kape"], max: 2 } }),
    "the hashtag strategy",
  );
  assertEqual(JSON.stringify(saved.personalization_rules), "{}", "no personalization rules yet");
  assertEqual(saved.is_active, true, "active");
  assertEqual(JSON.stringify(saved.timing_rules), JSON.stringify({ best_hours: [7, 8] }), "the timing rules");

  // Edited: the text shortened, a replacement added, Instagram targeted too.
  await text.fill(base);
  await page.getByRole("button", { name: "Add replacement", exact: true }).click();
  await page.getByLabel("Word 1", { exact: true }).fill("Good morning");
  await page.getByLabel("Replacement 1", { exact: true }).fill("Magandang umaga");
  await page.getByRole("checkbox", { name: "Instagram", exact: true }).check();
  await rendered(page, "Marco Diaz", "X (Twitter)", "Magandang umaga from Davao City! Marco Diaz here.\n\n#kape #davao");
  await page.getByRole("button", { name: "Save changes" }).click();
  await visible(page.getByText("Changes saved."));
  await screen("template-editor-saved");
  saved = await call("GET", `/api/v1/templates/${id}`);
  assertEqual(saved.template_text, base, "the shorter text is saved");
  assertEqual(JSON.stringify(saved.personalization_rules), JSON.stringify({ replace: { "Good morning": "Magandang umaga" } }), "the replacement");
  assertEqual(JSON.stringify(saved.target_platforms), JSON.stringify(["twitter", "instagram"]), "Instagram added");
  assertEqual(saved.hashtag_strategy.twitter.max, 2, "what was not touched stays");

  // In the list.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" }).click();
  await atPath(page, "/templates");
  const row = page.getByRole("table", { name: "Your templates" }).getByRole("row").filter({ has: page.getByRole("link", { name: "Morning hello" }) });
  await visible(row);
  await visible(row.getByText("X (Twitter)"));
  await visible(row.getByText("Instagram"));
  await visible(row.getByText("active", { exact: true }));
  await screen("templates");
  await fitsPhone(page, "the templates list");

  // Deleted after the confirmation.
  await row.getByRole("link", { name: "Morning hello" }).click();
  await visible(page.getByRole("heading", { name: "Morning hello" }));
  await page.getByRole("button", { name: "Delete template" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete Morning hello?" });
  await visible(dialog);
  await dialog.getByRole("button", { name: "Delete template" }).click();
  await atPath(page, "/templates");
  await visible(page.getByText("Template Morning hello deleted."));
  await visible(page.getByText("No templates yet."));
  const list = await call("GET", "/api/v1/templates");
  assertEqual(list.items.length, 0, "the server has no template left");
}
