// Unit tests of web/src/lib and web/src/api: test/*.test.mjs, bundled by esbuild (they
// import the TypeScript sources) and run by node:test.   node unit.mjs
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const tests = fs.readdirSync(path.join(here, "test")).filter((f) => f.endsWith(".test.mjs")).sort();
const out = fs.mkdtempSync(path.join(os.tmpdir(), "persona-web-unit-"));
try {
  await esbuild.build({
    absWorkingDir: here,
    entryPoints: tests.map((f) => path.join("test", f)),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node18",
    outdir: out,
    external: ["node:*"],
    logLevel: "warning",
  });
  const files = tests.map((f) => path.join(out, f.replace(/\.mjs$/, ".js")));
  // Test files are ESM whatever their extension says. PERSONA_WEB_DIR_FOR_TESTS tells them
  // where web/ is, since they run from a temporary directory.
  fs.writeFileSync(path.join(out, "package.json"), '{"type":"module"}');
  const run = spawnSync(process.execPath, ["--test", ...files], { stdio: "inherit", env: { ...process.env, TZ: "UTC", PERSONA_WEB_DIR_FOR_TESTS: here } });
  process.exitCode = run.status ?? 1;
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
