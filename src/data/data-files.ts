import { readdir } from "node:fs/promises";
import path from "node:path";
import type { DataFile } from "../core/build-catalog.js";

/** The data files readDataDir reads, in its order: each story folder's story.json, then its articles by name. */
export interface DataFileEntry {
  path: string;
  storyDir: string;
  kind: DataFile["kind"];
  /** story.json may be missing; the catalog reports that, not the reader. */
  optional: boolean;
}

export async function listDataFiles(dataDir: string): Promise<DataFileEntry[]> {
  const storiesDir = path.join(dataDir, "stories");
  const dirs = await readdir(storiesDir, { withFileTypes: true });
  const entries: DataFileEntry[] = [];
  for (const dir of dirs.filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    entries.push({ path: path.join(storiesDir, dir, "story.json"), storyDir: dir, kind: "story", optional: true });
    const articlesDir = path.join(storiesDir, dir, "articles");
    const names = await readdir(articlesDir).catch(ignoreMissing);
    for (const name of (names ?? []).filter((n) => n.endsWith(".json")).sort()) {
      entries.push({ path: path.join(articlesDir, name), storyDir: dir, kind: "article", optional: false });
    }
  }
  return entries;
}

/** Runs `work` on every item with at most `limit` under way at once; results keep the items' order. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function ignoreMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === "ENOENT") return undefined;
  throw error;
}
