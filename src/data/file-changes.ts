import path from "node:path";
import { type DataFileEntry, inspectArticle } from "./data-files.js";

/** What changed between two listings of the data folder (see listDataFiles). */
export interface FileChanges {
  /** A story.json or a story folder came, went or changed: the catalog is rebuilt from the files. */
  stories: boolean;
  /** Per story folder, its new or changed article files and the paths of those gone. */
  articles: Map<string, { changed: DataFileEntry[]; removed: string[] }>;
}

export function listingByPath(entries: readonly DataFileEntry[]): Map<string, DataFileEntry> {
  return new Map(entries.map((e) => [e.path, e]));
}

export function diffListings(before: ReadonlyMap<string, DataFileEntry>, after: readonly DataFileEntry[]): FileChanges {
  const changes: FileChanges = { stories: false, articles: new Map() };
  const of = (dir: string) => {
    let entry = changes.articles.get(dir);
    if (!entry) {
      entry = { changed: [], removed: [] };
      changes.articles.set(dir, entry);
    }
    return entry;
  };
  const seen = new Set<string>();
  for (const entry of after) {
    seen.add(entry.path);
    const old = before.get(entry.path);
    if (old && old.signature === entry.signature && old.refused === entry.refused) continue;
    if (entry.kind === "story") changes.stories = true;
    else of(entry.storyDir).changed.push(entry);
  }
  for (const [file, entry] of before) {
    if (seen.has(file)) continue;
    if (entry.kind === "story") changes.stories = true;
    else of(entry.storyDir).removed.push(file);
  }
  return changes;
}

/**
 * What changed among the given paths alone (the watcher says which files it saw change): at
 * fifty thousand articles that spares statting every file at each reload. A path that is not
 * an article file means the whole folder must be listed: undefined.
 */
export function diffPaths(dataDir: string, before: ReadonlyMap<string, DataFileEntry>, paths: readonly string[]): { changes: FileChanges; entries: DataFileEntry[] } | undefined {
  const changes: FileChanges = { stories: false, articles: new Map() };
  const entries: DataFileEntry[] = [];
  // Paths are joined from the same DATA_DIR as the listing's, so they are its keys.
  for (const file of new Set(paths)) {
    const old = before.get(file);
    const entry = inspectArticle(dataDir, file);
    if (!entry && !old) {
      // Not there before, not there now (a file written and renamed away), or not an article at all.
      if (!looksLikeArticle(dataDir, file)) return undefined;
      continue;
    }
    const dir = (entry ?? old)!.storyDir;
    let slot = changes.articles.get(dir);
    if (!slot) changes.articles.set(dir, (slot = { changed: [], removed: [] }));
    if (!entry) slot.removed.push(old!.path);
    else {
      entries.push(entry);
      if (!old || old.signature !== entry.signature || old.refused !== entry.refused) slot.changed.push(entry);
    }
  }
  for (const [dir, slot] of changes.articles) if (slot.changed.length === 0 && slot.removed.length === 0) changes.articles.delete(dir);
  return { changes, entries };
}

function looksLikeArticle(dataDir: string, file: string): boolean {
  const relative = path.relative(path.join(dataDir, "stories"), file).split(path.sep);
  return relative.length === 3 && relative[1] === "articles";
}
