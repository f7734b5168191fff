#!/usr/bin/env node
// The end-to-end suite: a real `persona serve`, Debian's Chromium, one file per user
// journey in journeys/ (run in name order, each in a fresh browser context).
//   node e2e/run.mjs [--persona PATH] [--web-dir DIST] [--screenshots DIR] [journey-name…]
// PATH defaults to $PERSONA_BINARY, then ../build/persona. --web-dir serves the UI built
// into DIST (`node build.mjs --outdir DIST`) instead of the binary's copy (PERSONA_WEB_DIR),
// so a UI change is tested without relinking. Screenshots go to
// e2e/screenshots/ (git-ignored), NAME-1440.png and NAME-375.png per screen.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { checkA11y, launchBrowser, startServer, stepTimeout, webDir, widths } from "./harness.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const binary = path.resolve(option("--persona") ?? process.env.PERSONA_BINARY ?? path.join(webDir, "..", "build", "persona"));
const webDist = option("--web-dir");
if (webDist) process.env.PERSONA_WEB_DIR = path.resolve(webDist);
const shotDir = path.resolve(option("--screenshots") ?? path.join(here, "screenshots"));
const only = new Set(args);

if (!fs.existsSync(binary)) {
  console.error(`e2e: no persona binary at ${binary} (pass --persona PATH or set PERSONA_BINARY)`);
  process.exit(2);
}
fs.mkdirSync(shotDir, { recursive: true });

const files = fs
  .readdirSync(path.join(here, "journeys"))
  .filter((f) => f.endsWith(".mjs"))
  .sort()
  .filter((f) => only.size === 0 || only.has(f.replace(/\.mjs$/, "")));

const started = Date.now();
const server = await startServer(binary);
console.log(`e2e: persona serve at ${server.baseURL} (${((Date.now() - started) / 1000).toFixed(1)} s to listen)`);
// The operator every journey may log in as; the generated admin is there too.
const operator = { email: "operator@example.com", password: "correct horse battery staple" };
server.persona(["user", "add", "--email", operator.email, "--password-stdin"], operator.password);

const browser = await launchBrowser();
let passed = 0;
let failed = 0;
try {
  for (const file of files) {
    const name = file.replace(/\.mjs$/, "");
    const journey = await import(pathToFileURL(path.join(here, "journeys", file)).href);
    const context = await browser.newContext({ baseURL: server.baseURL, viewport: widths.desktop, locale: "en-GB" });
    context.setDefaultTimeout(stepTimeout);
    const page = await context.newPage();
    const consoleErrors = [];
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));

    // Runs axe and takes screenshots of the current screen at both widths.
    const screen = async (shot) => {
      for (const [kind, size] of Object.entries(widths)) {
        await page.setViewportSize(size);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
        await checkA11y(page, `${shot} at ${size.width} px (${kind})`);
        await page.screenshot({ path: path.join(shotDir, `${shot}-${size.width}.png`), fullPage: true });
      }
      await page.setViewportSize(widths.desktop);
    };

    const t0 = Date.now();
    try {
      await journey.run({ page, context, server, operator, admin: server.admin, screen, baseURL: server.baseURL });
      const unexpected = consoleErrors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));
      if (unexpected.length > 0) throw new Error("errors in the browser console:\n  " + unexpected.join("\n  "));
      passed++;
      console.log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}: ${e instanceof Error ? e.stack ?? e.message : e}`);
      await page.screenshot({ path: path.join(shotDir, `FAILED-${name}.png`), fullPage: true }).catch(() => {});
      console.log(`     page: ${page.url()} (screenshot FAILED-${name}.png); server log tail:\n${server.tail()}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`e2e: screenshots in ${shotDir}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
