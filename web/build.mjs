// Builds the UI into DIST (default: dist/):
//   1. src/api/schema.gen.ts from ../src/http/openapi.json (openapi-typescript), so that
//   2. tsc --noEmit fails when the UI and the API disagree;
//   3. esbuild bundles src/main.tsx into assets/main-[hash].js and .css (plus the icon);
//   4. index.html names them; every file gets a .gz beside it (served precompressed);
//   5. prints the gzip size of what it ships (target: JS under 100 KB).
// Usage: node build.mjs [--outdir DIR] [--no-check]
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import zlib from "node:zlib";
import * as esbuild from "esbuild";
import openapiTS, { astToString } from "openapi-typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const outdir = path.resolve(flag("--outdir") ?? path.join(here, "dist"));
const check = !args.includes("--no-check");
const kJsBudget = 100 * 1024;

// 1. API types. Written only when they change, so tsc and editors see a stable file.
const openapi = path.join(here, "..", "src", "http", "openapi.json");
const schemaFile = path.join(here, "src", "api", "schema.gen.ts");
const ast = await openapiTS(pathToFileURL(openapi));
const schema =
  "// Generated from src/http/openapi.json by web/build.mjs (openapi-typescript). Do not edit.\n" +
  astToString(ast);
if (!fs.existsSync(schemaFile) || fs.readFileSync(schemaFile, "utf8") !== schema) {
  fs.writeFileSync(schemaFile + ".tmp", schema);
  fs.renameSync(schemaFile + ".tmp", schemaFile);
}

// 2. Types.
if (check) {
  const tsc = path.join(here, "node_modules", "typescript", "bin", "tsc");
  const run = spawnSync(process.execPath, [tsc, "--noEmit", "-p", path.join(here, "tsconfig.json")], {
    stdio: "inherit",
  });
  if (run.status !== 0) {
    console.error("web: tsc --noEmit failed");
    process.exit(1);
  }
}

// 3. Bundle.
fs.rmSync(outdir, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: ["src/main.tsx"],
  bundle: true,
  minify: true,
  format: "esm",
  target: ["chrome111", "firefox115", "safari16.4"],
  jsx: "automatic",
  jsxImportSource: "preact",
  outdir: path.join(outdir, "assets"),
  entryNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  loader: { ".svg": "file" },
  publicPath: "/assets",
  metafile: true,
  logLevel: "warning",
});
if (result.errors.length > 0) process.exit(1);

const outputs = Object.keys(result.metafile.outputs).map((p) => path.resolve(here, p));
const find = (re) => {
  const hit = outputs.find((p) => re.test(path.basename(p)));
  if (!hit) throw new Error(`build: no output matches ${re}`);
  return "/assets/" + path.basename(hit);
};
// The icon is not imported by the code, so it is copied under a hashed name here.
const iconSource = fs.readFileSync(path.join(here, "src", "icon.svg"));
const iconName = `icon-${createHash("sha256").update(iconSource).digest("hex").slice(0, 8).toUpperCase()}.svg`;
fs.writeFileSync(path.join(outdir, "assets", iconName), iconSource);

// 4. index.html, then precompression.
const html = fs
  .readFileSync(path.join(here, "index.html"), "utf8")
  .replace("{{js}}", find(/^main-.*\.js$/))
  .replace("{{css}}", find(/^main-.*\.css$/))
  .replace("{{icon}}", "/assets/" + iconName);
fs.writeFileSync(path.join(outdir, "index.html"), html);

const rows = [];
for (const file of walk(outdir)) {
  const raw = fs.readFileSync(file);
  const gz = zlib.gzipSync(raw, { level: 9 });
  const keep = gz.length < raw.length;
  if (keep) fs.writeFileSync(file + ".gz", gz);
  rows.push({ name: path.relative(outdir, file), raw: raw.length, gzip: keep ? gz.length : raw.length });
}

// 5. Sizes.
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
console.log("web: built " + outdir + "/");
for (const r of rows) console.log(`  ${r.name.padEnd(36)} ${kb(r.raw)}  gzip ${kb(r.gzip)}`);
const total = (ext) => rows.filter((r) => r.name.endsWith(ext)).reduce((s, r) => s + r.gzip, 0);
const js = total(".js");
const css = total(".css");
console.log(`web: JavaScript ${kb(js).trim()} gzip (budget ${kb(kJsBudget).trim()}), CSS ${kb(css).trim()} gzip`);
if (js > kJsBudget) console.warn("web: warning: the JavaScript is over its budget");

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else if (!entry.name.endsWith(".gz")) yield p;
  }
}
