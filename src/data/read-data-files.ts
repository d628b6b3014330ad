import { readFileSync } from "node:fs";
import path from "node:path";
import type { DataFile } from "../core/build-catalog.js";
import { ignoreMissing, listDataFiles } from "./data-files.js";

/**
 * Every data file, story.json first in each story folder, then its articles by name, with
 * paths as a person would type them. Read synchronously in batches, yielding between
 * batches: at fifty thousand articles that is several times faster than one promise per
 * file, and the event loop (a connected gateway's heartbeat) never waits long.
 */
export async function readDataFiles(dataDir: string, batchSize = 500): Promise<DataFile[]> {
  const entries = await listDataFiles(dataDir);
  const files: DataFile[] = [];
  for (let start = 0; start < entries.length; start += batchSize) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const entry of entries.slice(start, start + batchSize)) {
      const text = readText(entry.path, entry.optional);
      if (text !== undefined) files.push({ file: display(entry.path), storyDir: entry.storyDir, kind: entry.kind, text });
    }
  }
  return files;
}

function readText(file: string, optional: boolean): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if (optional) return ignoreMissing(error as NodeJS.ErrnoException);
    throw error;
  }
}

function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}
