import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The code whose output a snapshot holds: how files become a catalog, how text is folded and
 * split into terms, how the index is laid out and packed. A change to any of them must miss
 * old snapshots, without anyone remembering to bump a number.
 */
const SOURCES = ["core/search/", "core/fold-text", "core/build-catalog", "core/schema", "core/story", "core/story-index", "data/snapshot-frames", "data/catalog-snapshot", "data/prepare-indexes"];

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * A hash of those sources' contents, read where this module runs from (TypeScript under tsx,
 * JavaScript once compiled). A source that cannot be read makes the version unique to this
 * process: a snapshot then never matches, which costs a slower start, never stale answers.
 */
export function indexCodeVersion(srcDir = path.dirname(here), extension = path.extname(fileURLToPath(import.meta.url))): string {
  const hash = createHash("sha256");
  try {
    for (const source of SOURCES) {
      const files = source.endsWith("/")
        ? readdirSync(path.join(srcDir, source))
            .filter((name) => name.endsWith(extension))
            .sort()
            .map((name) => `${source}${name}`)
        : [`${source}${extension}`];
      for (const file of files) hash.update(file).update("\u0000").update(readFileSync(path.join(srcDir, file))).update("\u0000");
    }
  } catch {
    hash.update(`unreadable ${process.pid} ${Date.now()} ${Math.random()}`);
  }
  return hash.digest("hex");
}
