// Planning in bulk: the example CSV names the user's own persona and account; an import
// with no file is refused beside the picker; a file with two good rows and one bad one
// imports the two (scheduled on the persona's clock, and a draft) and tells the bad
// row's number and message; the export, filtered to the persona, downloads a CSV that
// holds both posts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { apiCall, assert, assertEqual, expectFocus, visible } from "../harness.mjs";

const user = { email: "bulk-journey@example.com", password: "bulk journey passphrase" };
const zone = "Asia/Manila";

// "2026-12-05": the date in `zone` `days` from now.
function localDate(days, tz) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(new Date(Date.now() + days * 86_400_000));
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), "utf8") };
}

// At 375 px the page itself never scrolls sideways.
async function fitsPhone(page, what) {
  await page.setViewportSize({ width: 375, height: 812 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1440, height: 900 });
  assert(width <= 375, `${what} is ${width} px wide at 375 px`);
}

export async function run({ page, context, server, baseURL, screen }) {
  server.persona(["user", "add", "--email", user.email, "--password-stdin"], user.password);
  await apiCall(context, baseURL, "POST", "/api/v1/auth/login", user);
  const call = (method, p, body) => apiCall(context, baseURL, method, p, body);
  const persona = await call("POST", "/api/v1/personas", {
    name: "Bulk Rosa",
    status: "active",
    primary_location: "Manila",
    timezone: zone,
    demographics: { age: 31 },
    personality: {},
    activity_schedule: {},
    content_themes: {},
    engagement_style: {},
  });
  const account = await call("POST", `/api/v1/personas/${persona.id}/accounts`, {
    platform_type: "twitter",
    username: "rosa_plans",
    credentials: { password: "not a real one" },
  });

  await page.goto("/posts/import");
  await visible(page.getByRole("heading", { name: "Import and export posts" }));
  const columns = page.getByRole("table", { name: "The columns" });
  await visible(columns.getByRole("cell", { name: "local_time" }));

  // The example names the user's own persona and account, so it imports as it is.
  const example = await download(page, () => page.getByRole("button", { name: "Download an example CSV" }).click());
  assertEqual(example.name, "posts-example.csv", "the example's file name");
  assert(example.text.startsWith("persona,account,text,template,theme,local_time\r\n"), `the example's header: ${example.text}`);
  assert(example.text.includes("Bulk Rosa,rosa_plans,"), `the example uses the persona and account: ${example.text}`);

  // No file chosen: said beside the picker, which takes the focus.
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await visible(page.getByText("Choose a CSV file first."));
  await expectFocus(page, "file", "focus moves to the file picker");

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bulk-journey-"));
  const write = (name, text) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  // A header with a typo: the whole file is refused, said beside the picker.
  await page.getByLabel("CSV file").setInputFiles(write("typo.csv", "persona,acount,text\r\nBulk Rosa,rosa_plans,Hello\r\n"));
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await visible(page.getByText(/^The header line: acount is not a column: use persona, account, text, template, theme, local_time; account is a required column\. Nothing was imported; fix the file and choose it again\.$/));
  await expectFocus(page, "file", "focus moves to the file picker");
  assertEqual((await call("GET", `/api/v1/posts?persona_id=${persona.id}`)).items.length, 0, "nothing was imported");

  // Two good rows (one scheduled on Rosa's clock, one draft) and a bad one between them.
  const day = localDate(3, zone);
  const csv = [
    "persona,account,text,local_time",
    `Bulk Rosa,rosa_plans,"Kape muna, then the market.",${day} 08:30`,
    "Bulk Rosa,nobody_here,This row names no account,",
    "Bulk Rosa,rosa_plans,A draft to finish later,",
    "",
  ].join("\r\n");
  await page.getByLabel("CSV file").setInputFiles(write("rosa-week.csv", csv));
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await visible(page.getByRole("heading", { name: "rosa-week.csv: 2 posts imported, 1 row refused" }));
  const refused = page.getByRole("list", { name: "Refused rows" });
  await visible(refused);
  assertEqual(
    (await refused.textContent()).trim(),
    "Row 2: no account 'nobody_here' on a persona 'Bulk Rosa'",
    "the bad row's number and message",
  );
  const imported = page.getByRole("table", { name: "Imported posts" });
  await visible(imported.getByRole("row").filter({ hasText: "Kape muna, then the market." }).getByText("08:30"));
  await visible(imported.getByRole("row").filter({ hasText: "A draft to finish later" }).getByText("draft", { exact: true }));
  await screen("bulk");
  await fitsPhone(page, "the import and export screen");

  // The server holds the two, the first scheduled at 08:30 in Manila (UTC+8).
  const posts = (await call("GET", `/api/v1/posts?persona_id=${persona.id}`)).items;
  assertEqual(posts.length, 2, "two posts were imported");
  const kape = posts.find((p) => p.final_content === "Kape muna, then the market.");
  const draft = posts.find((p) => p.final_content === "A draft to finish later");
  assert(kape && draft, "both texts are on the server");
  assertEqual(kape.state, "scheduled", "the row with a local time is scheduled");
  assertEqual(new Date(kape.scheduled_for).toISOString(), new Date(`${day}T00:30:00Z`).toISOString(), "08:30 Manila is 00:30 UTC");
  assertEqual(draft.state, "draft", "the row without a time is a draft");
  assertEqual(kape.platform_account_id, account.id, "on Rosa's account");

  // Export, filtered to Rosa: a CSV with both posts.
  await page.getByLabel("Persona").selectOption({ label: "Bulk Rosa" });
  await page.getByLabel("Account").selectOption({ label: "rosa_plans · X (Twitter)" });
  const exported = await download(page, () => page.getByRole("button", { name: "Download CSV" }).click());
  assert(/^posts-\d{4}-\d{2}-\d{2}\.csv$/.test(exported.name), `the export's file name: ${exported.name}`);
  await visible(page.getByText(`Downloaded ${exported.name}.`));
  const lines = exported.text.trim().split(/\r?\n/);
  assert(lines[0].startsWith('"id","persona"'), `the export's header: ${lines[0]}`);
  assertEqual(lines.length, 3, "a header and the two posts");
  for (const post of [kape, draft]) {
    const line = lines.find((l) => l.startsWith(`"${post.id}"`));
    assert(line, `the export holds post ${post.id}`);
    assert(line.includes(`"${post.final_content}"`), `its text is in the export: ${line}`);
    assert(line.includes('"Bulk Rosa"') && line.includes('"rosa_plans"'), `its persona and account: ${line}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
