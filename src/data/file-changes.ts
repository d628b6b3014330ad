import type { DataFileEntry } from "./data-files.js";

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
