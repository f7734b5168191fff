// Proxies: a pasted list with one bad line imports the two good ones and names the bad
// one by its line number and message; a proxy is assigned to a persona (the server's 409s
// for a second proxy and for deleting an assigned one are shown as they are), released,
// checked now (127.0.0.1 on a closed port: failed), and deleted.
import net from "node:net";
import { apiCall, assert, assertEqual, expectFocused, visible } from "../harness.mjs";

const user = { email: "proxies-journey@example.com", password: "proxies journey passphrase 7" };

// A port on 127.0.0.1 with nothing listening: bound by the OS, then closed again.
async function closedPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function run({ page, context, server, screen, baseURL }) {
  server.persona(["user", "add", "--email", user.email, "--password-stdin"], user.password);
  await apiCall(context, baseURL, "POST", "/api/v1/auth/login", user);
  const persona = await apiCall(context, baseURL, "POST", "/api/v1/personas", {
    name: "Ana Proxies",
    primary_location: "Manila",
    timezone: "Asia/Manila",
    demographics: {},
    personality: {},
    activity_schedule: {},
    content_themes: {},
    engagement_style: {},
  });

  await page.goto("/proxies");
  await visible(page.getByRole("heading", { name: "Proxies", exact: true }));
  await visible(page.getByText("No proxies yet."));

  // Three lines, the second one bad.
  const [p1, p2] = [await closedPort(), await closedPort()];
  const first = `127.0.0.1:${p1}`;
  const second = `127.0.0.1:${p2}`;
  await page.getByLabel("Proxy list").fill(`${first}:ana:s3cret-one\nnot a proxy line\nbea:s3cret-two@${second}`);
  // The city is required: the server's answer stands beside the field.
  await page.getByRole("button", { name: "Import" }).click();
  const city = page.getByLabel("City");
  await page.waitForFunction(() => document.querySelector('[name="city"]')?.getAttribute("aria-invalid") === "true");
  await expectFocused(city, "focus moves to the city");
  await city.fill("Manila");
  await page.getByRole("button", { name: "Import" }).click();

  const result = page.getByRole("status").filter({ hasText: "imported" });
  await visible(result.getByRole("heading", { name: "2 proxies imported, 1 line refused" }));
  const refused = result.getByRole("list", { name: "Refused lines" });
  assertEqual(
    (await refused.textContent())?.trim(),
    "Line 2: expected host:port:user:pass or user:pass@host:port",
    "the bad line's number and message",
  );
  assertEqual(await page.getByLabel("Proxy list").inputValue(), "not a proxy line", "only the refused line stays in the box");

  const table = page.getByRole("table", { name: "Inventory" });
  const row = (id) => table.getByRole("row").filter({ has: page.getByText(id, { exact: true }) });
  await visible(row(first));
  await visible(row(second));
  assertEqual(await table.getByRole("row").count(), 3, "a header row and the two imported proxies");
  assert(!(await page.content()).includes("s3cret"), "no password anywhere on the page");
  await screen("proxies-import-errors");

  // Assign the first proxy to the persona.
  await page.getByRole("button", { name: `Assign ${first} to a persona` }).click();
  let dialog = page.getByRole("dialog", { name: `Assign ${first}` });
  await dialog.getByLabel("Persona").selectOption({ label: "Ana Proxies" });
  await dialog.getByRole("button", { name: "Assign" }).click();
  await dialog.waitFor({ state: "hidden" });
  await visible(row(first).getByRole("link", { name: "Ana Proxies" }));
  await visible(page.getByRole("status").filter({ hasText: `${first} assigned to Ana Proxies.` }));
  let stored = await apiCall(context, baseURL, "GET", `/api/v1/personas/${persona.id}`);
  assertEqual(stored.proxy_id, first, "the persona has the first proxy");
  assertEqual(stored.proxy_status, "assigned", "the persona's proxy status");

  // One proxy per persona: the second one for the same persona is refused, plainly.
  await page.getByRole("button", { name: `Assign ${second} to a persona` }).click();
  dialog = page.getByRole("dialog", { name: `Assign ${second}` });
  await dialog.getByLabel("Persona").selectOption({ label: `Ana Proxies (has ${first})` });
  await dialog.getByRole("button", { name: "Assign" }).click();
  await visible(dialog.getByRole("alert").filter({ hasText: "the persona already has a proxy; release it first" }));
  await screen("proxies-assign-conflict");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });

  // An assigned proxy cannot be deleted: the 409 is shown in the confirmation.
  await row(first).getByRole("button", { name: `Delete proxy ${first}` }).click();
  dialog = page.getByRole("alertdialog", { name: `Delete ${first}?` });
  await dialog.getByRole("button", { name: "Delete" }).click();
  await visible(dialog.getByRole("alert").filter({ hasText: "the proxy is assigned to a persona; release it first" }));
  await dialog.getByRole("button", { name: "Cancel" }).click();
  const proxies = await apiCall(context, baseURL, "GET", "/api/v1/proxies");
  assertEqual(proxies.items.length, 2, "both proxies are still there");
  const firstId = proxies.items.find((p) => p.proxy_id === first).id;

  // Release it.
  await row(first).getByRole("button", { name: `Release ${first} from Ana Proxies` }).click();
  dialog = page.getByRole("alertdialog", { name: `Release ${first}?` });
  await dialog.getByRole("button", { name: "Release" }).click();
  await visible(page.getByRole("status").filter({ hasText: `${first} released from Ana Proxies.` }));
  await visible(row(first).getByText("available"));
  stored = await apiCall(context, baseURL, "GET", `/api/v1/personas/${persona.id}`);
  assertEqual(stored.proxy_id, null, "the persona has no proxy");
  assertEqual(stored.proxy_status, "unassigned", "the persona's proxy status after release");

  // Check now: nothing listens on the port, so the check fails, with its reason.
  await row(first).getByRole("button", { name: `Check now ${first}` }).click();
  await visible(page.getByRole("status").filter({ hasText: `${first} checked: failed` }));
  await visible(row(first).getByText("failed", { exact: true }));
  await visible(row(first).locator("time"));
  const checked = await apiCall(context, baseURL, "GET", `/api/v1/proxies/${firstId}`);
  assertEqual(checked.health_status, "failed", "the stored health");
  assert(checked.last_health_check !== null, "the check time is stored");
  const lastCheck = (await row(first).locator("time").textContent()) ?? "";
  assert(/^\d\d:\d\d \S+\/?\S*$/.test(lastCheck.trim()), `the last check is a time with its zone: "${lastCheck}"`);

  // Its history lists that check.
  await row(first).getByRole("button", { name: `History of checks of ${first}` }).click();
  dialog = page.getByRole("dialog", { name: `Checks of ${first}` });
  await visible(dialog.getByRole("table").getByText("failed", { exact: true }));
  await dialog.getByRole("button", { name: "Close" }).click();

  // The persona is free again: the second proxy goes to it now.
  await page.getByRole("button", { name: `Assign ${second} to a persona` }).click();
  dialog = page.getByRole("dialog", { name: `Assign ${second}` });
  await dialog.getByLabel("Persona").selectOption({ label: "Ana Proxies" });
  await dialog.getByRole("button", { name: "Assign" }).click();
  await dialog.waitFor({ state: "hidden" });
  await visible(row(second).getByRole("link", { name: "Ana Proxies" }));
  stored = await apiCall(context, baseURL, "GET", `/api/v1/personas/${persona.id}`);
  assertEqual(stored.proxy_id, second, "the persona has the second proxy");
  await screen("proxies");

  // An available proxy can be deleted.
  await row(first).getByRole("button", { name: `Delete proxy ${first}` }).click();
  dialog = page.getByRole("alertdialog", { name: `Delete ${first}?` });
  await dialog.getByRole("button", { name: "Delete" }).click();
  await row(first).waitFor({ state: "detached" });
  const left = await apiCall(context, baseURL, "GET", "/api/v1/proxies");
  assertEqual(left.items.map((p) => p.proxy_id).join(), second, "only the second proxy is left");
}
