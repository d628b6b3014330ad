import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DataFile } from "../core/build-catalog.js";
import { type DataFileEntry, ignoreMissing, listDataFiles, MAX_FILE_BYTES, tooLarge } from "./data-files.js";

/**
 * Every data file, story.json first in each story folder, then its articles by name, with
 * paths as a person would type them. A file that cannot be read (a dangling link, a folder,
 * one too large...) comes back with `unreadable` saying why, so it costs only itself.
 */
export async function readDataFiles(dataDir: string, batchSize = 500): Promise<DataFile[]> {
  return readEntries(await listDataFiles(dataDir), batchSize);
}

/**
 * Read synchronously in batches, yielding between batches: at fifty thousand articles that
 * is several times faster than one promise per file, and the event loop (a connected
 * gateway's heartbeat) never waits long.
 */
export async function readEntries(entries: readonly DataFileEntry[], batchSize = 500): Promise<DataFile[]> {
  const files: DataFile[] = [];
  for (let start = 0; start < entries.length; start += batchSize) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const entry of entries.slice(start, start + batchSize)) {
      const file = readEntry(entry);
      if (file) files.push(file);
    }
  }
  return files;
}

export function readEntry(entry: DataFileEntry): DataFile | undefined {
  const base = { file: displayPath(entry.path), storyDir: entry.storyDir, kind: entry.kind };
  if (entry.refused) return { ...base, text: "", unreadable: entry.refused };
  try {
    const text = readText(entry.path);
    return typeof text === "string" ? { ...base, text } : { ...base, text: "", unreadable: text.refused };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (entry.optional && code === "ENOENT") return ignoreMissing(error as NodeJS.ErrnoException);
    // The code only: a message could carry more than the reader needs to know.
    return { ...base, text: "", unreadable: `could not be read (${code ?? "unknown error"})` };
  }
}

/** Checks the opened file itself: it may have been replaced since it was listed. */
function readText(file: string): string | { refused: string } {
  const fd = openSync(file, "r");
  try {
    const s = fstatSync(fd);
    if (!s.isFile()) return { refused: s.isDirectory() ? "is a folder, not a file" : "is not a regular file" };
    if (s.size > MAX_FILE_BYTES) return { refused: tooLarge(s.size) };
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}
