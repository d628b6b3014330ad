import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DataFile } from "../core/build-catalog.js";
import { ignoreMissing, listDataFiles, mapConcurrently } from "./data-files.js";

/**
 * The files readDataDir returns (same files, same order, same displayed paths), read many
 * at a time: one read after another spends most of a large story's start-up (fifty
 * thousand articles) waiting on the disk.
 */
export async function readDataFiles(dataDir: string, inFlight = 64): Promise<DataFile[]> {
  const entries = await listDataFiles(dataDir);
  const texts = await mapConcurrently(entries, inFlight, (entry) =>
    readFile(entry.path, "utf8").catch((error: NodeJS.ErrnoException) => (entry.optional ? ignoreMissing(error) : Promise.reject(error))),
  );
  return entries.flatMap((entry, i) => {
    const text = texts[i];
    return text === undefined ? [] : [{ file: display(entry.path), storyDir: entry.storyDir, kind: entry.kind, text }];
  });
}

function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}
