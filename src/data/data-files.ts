import { readdir } from "node:fs/promises";
import path from "node:path";
import type { DataFile } from "../core/build-catalog.js";

/** A data file to read: each story folder's story.json, then its articles by name. */
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

export function ignoreMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === "ENOENT") return undefined;
  throw error;
}
