// The shared components in a real browser, on a page of fake data that this journey
// bundles and serves itself (the product never ships it): ConfirmButton and Dialog
// (focus, Tab, Esc, focus return), Form and Field (errors beside fields, focus, the
// rest listed), TimeInZone, DataTable's empty state, InfiniteList (scroll and Load more).
import path from "node:path";
import * as esbuild from "esbuild";
import { assert, assertEqual, expectFocus, expectFocused, visible, webDir } from "../harness.mjs";

const csp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export async function run({ page, baseURL, screen }) {
  const built = await esbuild.build({
    absWorkingDir: webDir,
    entryPoints: [path.join("e2e", "fixtures", "components-app.tsx")],
    bundle: true,
    write: false,
    format: "esm",
    jsx: "automatic",
    jsxImportSource: "preact",
    outdir: "out",
    logLevel: "warning",
  });
  const file = (ext) => built.outputFiles.find((f) => f.path.endsWith(ext)).text;
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Components</title>' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<link rel="stylesheet" href="/__components.css"><script type="module" src="/__components.js"></script>' +
    '</head><body><div id="app"></div></body></html>';
  const bodies = { "/__components": ["text/html", html], "/__components.js": ["text/javascript", file(".js")], "/__components.css": ["text/css", file(".css")] };
  await page.route(`${baseURL}/__components*`, (route) => {
    const [type, body] = bodies[new URL(route.request().url()).pathname];
    route.fulfill({ status: 200, contentType: type, body, headers: { "Content-Security-Policy": csp } });
  });
  await page.goto("/__components");
  await visible(page.getByRole("heading", { name: "Components" }));

  // ConfirmButton: Cancel first, Tab stays inside, Esc closes, focus comes back.
  const open = page.getByRole("button", { name: "Delete thing" });
  await open.click();
  const dialog = page.getByRole("alertdialog", { name: "Delete thing" });
  await visible(dialog);
  await visible(dialog.getByText("The thing goes for good."));
  assertEqual(await page.evaluate(() => document.activeElement?.textContent), "Cancel", "Cancel has the focus");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
  assert(await dialog.evaluate((d) => d.contains(document.activeElement)), "Tab stays in the dialog");
  await screen("components-dialog");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await expectFocused(open, "focus returns to the button");
  await visible(page.getByText("Not deleted yet."));
  await open.click();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await visible(page.getByText("Deleted."));
  await expectFocused(open, "focus returns after confirming");

  // Form: the field's error beside it, focus on it, errors of absent fields listed.
  await page.getByRole("button", { name: "Save" }).click();
  const note = page.getByLabel("Note");
  await visible(page.getByText("must be at most 10 characters"));
  assertEqual(await note.getAttribute("aria-invalid"), "true", "Note is invalid");
  await expectFocus(page, "note", "focus on the first invalid field");
  const ids = ((await note.getAttribute("aria-describedby")) ?? "").split(" ");
  assertEqual(ids.length, 2, "described by its error and its hint");
  assertEqual(await page.locator(`[id="${ids[0]}"]`).textContent(), "must be at most 10 characters", "error first");
  const alert = page.getByRole("alert").filter({ hasText: "hidden.thing" });
  await visible(alert);
  await visible(alert.getByText("the request has invalid fields"));
  assertEqual(await page.getByLabel("Name").getAttribute("aria-invalid"), null, "Name is fine");
  await note.fill("short");
  assertEqual(await note.getAttribute("aria-invalid"), null, "typing clears the field's error");

  // TimeInZone carries its zone.
  await visible(page.getByText("08:30 Asia/Manila"));
  // DataTable's empty state.
  await visible(page.getByText("No rows yet."));

  // InfiniteList: 20, then 40 when the end scrolls into view, then 60 by the button.
  const items = page.getByRole("list", { name: "Items" }).getByRole("listitem");
  await visible(items.nth(19));
  await items.nth(19).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 2000);
  await items.nth(39).waitFor({ state: "attached" });
  // The button, unless the end of the list was still in view and the last page came by itself.
  const more = page.getByRole("button", { name: "Load more" });
  if ((await items.count()) < 60 && (await more.isVisible())) await more.click();
  await items.nth(59).waitFor({ state: "attached" });
  assertEqual(await items.count(), 60, "all three pages");
  await page.getByRole("button", { name: "Load more" }).waitFor({ state: "detached" });
  await screen("components");
}
