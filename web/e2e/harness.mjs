// What every journey uses: a real `persona serve` on a fresh data directory (embedded
// PostgreSQL), Debian's Chromium driven by playwright-core, axe-core, screenshots, and
// a few assertions. See docs/web-ui.md.
import { spawn, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const webDir = path.dirname(here);

// The flags matter on a machine without network: no updater, no sync, no QUIC probes.
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// How long one step (a click's effect, a page) may take: generous, since under ctest the
// server may be an ASan build sharing two cores with other tests.
export const stepTimeout = Number(process.env.PERSONA_E2E_TIMEOUT_MS ?? 30_000);

export const widths = { desktop: { width: 1440, height: 900 }, phone: { width: 375, height: 812 } };

// ---------------------------------------------------------------- the server

// Starts `persona serve` on 127.0.0.1:0 with a fresh data directory; resolves once it
// prints "listening on http://…".
export async function startServer(binary, { timeoutMs = 240_000 } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "persona-e2e-"));
  const dataDir = path.join(root, "data");
  const logFile = path.join(root, "serve.log");
  const log = fs.openSync(logFile, "w");
  const env = {
    ...process.env,
    PERSONA_PROXY_CHECK_INTERVAL: "0",
    PERSONA_LOG_LEVEL: process.env.PERSONA_LOG_LEVEL ?? "warn",
  };
  // The embedded cluster of the data directory, whatever the caller's environment says.
  delete env.PERSONA_DATABASE_URL;
  const child = spawn(binary, ["serve", "--data-dir", dataDir, "--listen", "127.0.0.1:0"], {
    env,
    stdio: ["ignore", "pipe", log],
  });
  let out = "";
  const baseURL = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not listen within ${timeoutMs} ms:\n${out}\n${tail(logFile)}`)), timeoutMs);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code ?? signal}) before listening:\n${out}\n${tail(logFile)}`));
    });
  });
  child.stdout.resume();
  const adminPassword = fs.readFileSync(path.join(dataDir, "admin-password"), "utf8").trim();
  return {
    baseURL,
    dataDir,
    logFile,
    binary,
    admin: { email: "admin@persona.local", password: adminPassword },
    // Runs `persona ARGS --data-dir DIR` beside the server (it joins its cluster).
    persona(args, input = "") {
      const r = spawnSync(binary, [...args, "--data-dir", dataDir], { input, encoding: "utf8", env, timeout: 120_000 });
      if (r.status !== 0) throw new Error(`persona ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
      return r.stdout;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
        await exited;
        clearTimeout(timer);
      }
      fs.closeSync(log);
      fs.rmSync(root, { recursive: true, force: true });
    },
    tail: () => tail(logFile),
  };
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

// ---------------------------------------------------------------- the browser

export async function launchBrowser() {
  const executablePath = process.env.PERSONA_E2E_CHROMIUM ?? "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: apt-get install chromium (or set PERSONA_E2E_CHROMIUM)`);
  }
  // launch() gives every run a fresh temporary profile (user-data-dir) of its own.
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true, timeout: 120_000 });
}

const axeSource = fs.readFileSync(path.join(webDir, "node_modules", "axe-core", "axe.min.js"), "utf8");

// Runs axe-core in the page (evaluated through the DevTools protocol, which the page's
// CSP does not govern) and throws on any serious or critical violation.
export async function checkA11y(page, label) {
  const injected = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!injected) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + " — " + n.failureSummary),
    }));
  });
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length > 0) {
    const text = bad.map((v) => `  ${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.join("\n    ")}`).join("\n");
    throw new Error(`axe: ${bad.length} serious or critical violation(s) on ${label}:\n${text}`);
  }
  return result;
}

// ---------------------------------------------------------------- assertions

export class AssertionError extends Error {}

export function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}

export function assertEqual(actual, expected, message) {
  if (actual !== expected) throw new AssertionError(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

// Waits until the locator is visible.
export async function visible(locator, timeout = stepTimeout) {
  await locator.first().waitFor({ state: "visible", timeout });
  return locator;
}

// Waits until the page's path (and query) is `expected` (a string or a RegExp).
export async function atPath(page, expected, timeout = stepTimeout) {
  const matches = (url) => {
    const u = new URL(url);
    const p = u.pathname + u.search;
    return typeof expected === "string" ? p === expected : expected.test(p);
  };
  await page.waitForURL(matches, { timeout });
}

// The name attribute (or id) of the focused element.
export async function focusedName(page) {
  return page.evaluate(() => document.activeElement?.getAttribute("name") ?? document.activeElement?.id ?? null);
}

// Waits until the focused element's name (or id) is `expected`: the UI moves focus after
// the next frame, so a check right after a click would race it.
export async function expectFocus(page, expected, message, timeout = stepTimeout) {
  const deadline = Date.now() + timeout;
  let actual = await focusedName(page);
  while (actual !== expected && Date.now() < deadline) {
    await page.waitForTimeout(50);
    actual = await focusedName(page);
  }
  assertEqual(actual, expected, message);
}

// Waits until `locator` has the focus.
export async function expectFocused(locator, message, timeout = stepTimeout) {
  const deadline = Date.now() + timeout;
  const focused = () => locator.evaluate((el) => el === document.activeElement);
  while (!(await focused()) && Date.now() < deadline) await locator.page().waitForTimeout(50);
  assert(await focused(), message);
}

// ---------------------------------------------------------------- two-factor codes

// The TOTP code (RFC 6238: HMAC-SHA1, 30 s, 6 digits) of a base32 secret, `stepOffset`
// periods from now. Each code is accepted once, so a login right after enrolling needs
// the next period's code (stepOffset 1; the server accepts ±1 period).
export function totp(base32Secret, stepOffset = 0, now = Date.now()) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of base32Secret.replace(/=+$/, "").toUpperCase()) {
    const v = alphabet.indexOf(c);
    if (v < 0) throw new Error("not base32: " + base32Secret);
    bits += v.toString(2).padStart(5, "0");
  }
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 1000 / 30) + stepOffset));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, "0");
}

// Calls the API as the browser context's logged-in user would (cookie and Origin).
export async function apiCall(context, baseURL, method, path, body) {
  const res = await context.request.fetch(new URL(path, baseURL).href, {
    method,
    headers: { Origin: baseURL, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${text}`);
  return text ? JSON.parse(text) : undefined;
}
