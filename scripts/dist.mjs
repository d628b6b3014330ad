// The compiled build in dist/: what it is built from, whether it is current, and building it.
// Plain JavaScript, so `npm start` can use it before anything is compiled.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const distDir = path.join(root, "dist");
/** Written after a successful build: the hash of the sources it was built from. */
const STAMP = path.join(distDir, ".source-hash");
const SOURCE_DIRS = ["src", "commands"];
const SOURCE_FILES = ["tsconfig.json", "tsconfig.build.json", "package.json"];

/** Whether this checkout has the sources (a runtime image holds dist/ alone). */
export function hasSources() {
  return SOURCE_DIRS.every((dir) => existsSync(path.join(root, dir)));
}

/**
 * A hash of every file the build reads. Contents, not times: a checkout, a copy that keeps
 * times (`cp -p`) or a clock change cannot make an old build pass for a new one.
 */
export function sourceHash() {
  const hash = createHash("sha256");
  const files = [...SOURCE_FILES.filter((f) => existsSync(path.join(root, f))), ...SOURCE_DIRS.flatMap((dir) => filesUnder(dir))].sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update("\0");
  return hash.digest("hex");
}

function filesUnder(dir) {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(rel);
    return entry.isFile() ? [rel.split(path.sep).join("/")] : [];
  });
}

export function distIsCurrent() {
  return existsSync(path.join(distDir, "src", "main.js")) && existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === sourceHash();
}

/**
 * Compiles src/ and commands/ into dist/ with tsc, from scratch so no file of a deleted source
 * lingers. `output` is where tsc's messages go (stderr under `npm start`, whose stdout is the
 * console's answers). Returns whether it succeeded.
 */
export function buildDist(output = "inherit") {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  } catch {
    process.stderr.write("Building dist/ needs TypeScript, a dev dependency: run npm install (without --omit=dev), then npm run build.\n");
    return false;
  }
  const hash = sourceHash();
  rmSync(distDir, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { cwd: root, stdio: ["ignore", output, output] });
  if (result.status !== 0) {
    process.stderr.write("The build failed: tsc's messages are above.\n");
    return false;
  }
  writeFileSync(STAMP, `${hash}\n`);
  return true;
}
