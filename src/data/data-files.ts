import { lstatSync, realpathSync, statSync } from "node:fs";
import { lstat, readdir, realpath } from "node:fs/promises";
import path from "node:path";
import type { DataFile } from "../core/build-catalog.js";

/** A file larger than this is reported and never read: one huge file must not exhaust memory or stall the bot. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A data file to read: each story folder's story.json, then its articles by name. */
export interface DataFileEntry {
  path: string;
  storyDir: string;
  kind: DataFile["kind"];
  /** story.json may be missing; the catalog reports that, not the reader. */
  optional: boolean;
  /**
   * Size, modification and change times, inode: any write, replacement or copy (even one that
   * keeps the modification time, like `cp -p`) changes it. Undefined when the file is missing.
   */
  signature?: string;
  /** Why the file is not read (a folder, too large, a link leaving DATA_DIR...); reported, never read. */
  refused?: string;
}

/**
 * Files that are being written elsewhere and renamed into place (`.name.json`, `name.json.tmp`)
 * are not data yet: they are never listed, and the rename that completes them is what counts.
 */
export function isDataFileName(name: string): boolean {
  return name.endsWith(".json") && !name.startsWith(".");
}

/** Every data file with its signature, or why it is refused; folders of articles that leave DATA_DIR are refused whole. */
export async function listDataFiles(dataDir: string): Promise<DataFileEntry[]> {
  const storiesDir = path.join(dataDir, "stories");
  const dirs = await readdir(storiesDir, { withFileTypes: true });
  const root = await realpath(dataDir);
  const entries: DataFileEntry[] = [];
  const plainFiles = new WeakSet<DataFileEntry>();
  for (const dir of dirs.filter((d) => d.isDirectory() && !d.name.startsWith(".")).map((d) => d.name).sort()) {
    entries.push({ path: path.join(storiesDir, dir, "story.json"), storyDir: dir, kind: "story", optional: true });
    const articlesDir = path.join(storiesDir, dir, "articles");
    const leaves = await leavesRoot(articlesDir, root);
    if (leaves) {
      entries.push({ path: articlesDir, storyDir: dir, kind: "article", optional: false, refused: leaves });
      continue;
    }
    const names = await readdir(articlesDir, { withFileTypes: true }).catch(ignoreMissing);
    for (const name of (names ?? []).filter((d) => isDataFileName(d.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const entry: DataFileEntry = { path: path.join(articlesDir, name.name), storyDir: dir, kind: "article", optional: false };
      // The folder listing says which are plain files; only the others need a closer look.
      if (name.isFile()) plainFiles.add(entry);
      entries.push(entry);
    }
  }
  // A synchronous stat is a few microseconds, many times cheaper than an asynchronous one;
  // chunks with a pause in between keep the event loop turning.
  const listed: DataFileEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const found = entry.refused ? {} : inspect(entry, root, plainFiles.has(entry));
    // A file deleted while the folder was listed is simply not there.
    if (found) listed.push(Object.assign(entry, found));
    if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
  }
  return listed;
}

/**
 * One article file, as listDataFiles would list it, or undefined when it is not there (or is
 * not an article file: only `stories/<story>/articles/<name>.json` is).
 */
export function inspectArticle(dataDir: string, file: string): DataFileEntry | undefined {
  const relative = path.relative(path.join(dataDir, "stories"), file).split(path.sep);
  if (relative.length !== 3 || relative[1] !== "articles" || relative[0]!.startsWith(".") || !isDataFileName(relative[2]!)) return undefined;
  let root: string;
  try {
    root = realpathSync(dataDir);
  } catch {
    return undefined;
  }
  const entry: DataFileEntry = { path: file, storyDir: relative[0]!, kind: "article", optional: false };
  const found = inspect(entry, root, false);
  return found ? Object.assign(entry, found) : undefined;
}

function inspect(entry: DataFileEntry, root: string, plainFile: boolean): Pick<DataFileEntry, "signature" | "refused"> | undefined {
  const link = plainFile ? undefined : lstatSync(entry.path, { throwIfNoEntry: false });
  if (!plainFile && !link) return entry.optional ? {} : undefined;
  if (link?.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(entry.path);
    } catch {
      return { refused: "is a symbolic link to a file that does not exist" };
    }
    if (!inside(root, target)) return { refused: "is a symbolic link that leads outside DATA_DIR; refused" };
  }
  const s = statSync(entry.path, { throwIfNoEntry: false });
  if (!s) return entry.optional ? {} : undefined;
  const signature = `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}:${s.dev}`;
  if (s.isDirectory()) return { signature, refused: "is a folder, not a file" };
  if (!s.isFile()) return { signature, refused: "is not a regular file" };
  if (s.size > MAX_FILE_BYTES) return { signature, refused: tooLarge(s.size) };
  return { signature };
}

export function tooLarge(size: number): string {
  return `is ${(size / 2 ** 20).toFixed(0)} MB; files over ${MAX_FILE_BYTES / 2 ** 20} MB are not read`;
}

async function leavesRoot(dir: string, root: string): Promise<string | undefined> {
  const link = await lstat(dir).catch(() => undefined);
  if (!link?.isSymbolicLink()) return undefined;
  const target = await realpath(dir).catch(() => undefined);
  if (!target) return "is a symbolic link to a folder that does not exist";
  return inside(root, target) ? undefined : "is a symbolic link that leads outside DATA_DIR; refused";
}

function inside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

export function ignoreMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === "ENOENT") return undefined;
  throw error;
}
