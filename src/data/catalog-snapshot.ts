import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { mkdir, open, readFile, rename } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import type { DataProblem } from "../core/errors.js";
import type { QuoteIndexData } from "../core/search/quote-finder.js";
import type { Catalog } from "../core/story.js";
import { listDataFiles } from "./data-files.js";
import { type PackedCatalog, packCatalog, unpackCatalog } from "./pack-catalog.js";

/**
 * The loaded catalog and its quote indexes, saved so that a restart with unchanged data
 * skips reading, validating and indexing every file (tens of seconds at a million quotes).
 * It is keyed by a fingerprint of the data files (path, size, modification time), taken
 * before they are read, so any change to the data misses the snapshot rather than serving
 * stale answers. V8's serializer keeps the catalog's shared objects shared and typed arrays whole.
 */
export interface Snapshot {
  fingerprint: string;
  catalog: Catalog;
  problems: DataProblem[];
  /** Per story, in catalog order. */
  indexes: QuoteIndexData[];
}

/** Bump when the catalog's shape, the way it is built or the index format changes: old snapshots then stop matching. */
const FORMAT = "storyline-snapshot-4";

export async function dataFingerprint(dataDir: string): Promise<string> {
  const entries = await listDataFiles(dataDir);
  const hash = createHash("sha256").update(FORMAT).update(path.resolve(dataDir));
  // A synchronous stat is a few microseconds, many times cheaper than an asynchronous one;
  // chunks with a pause in between keep the event loop turning.
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const s = statSync(entry.path, { throwIfNoEntry: false });
    hash.update(`${entry.path}\u0000${s ? `${s.size}\u0000${s.mtimeMs}` : "missing"}\n`);
    if (i % 5000 === 4999) await new Promise((resolve) => setImmediate(resolve));
  }
  return hash.digest("hex");
}

function fileFor(cacheDir: string, dataDir: string): string {
  const which = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `catalog-${which}.v8`);
}

/** Reads the snapshot for this data folder, if its fingerprint (given, or still being taken) matches. */
export async function readSnapshot(cacheDir: string, dataDir: string, fingerprint: Promise<string | undefined>): Promise<Snapshot | undefined> {
  let bytes: Buffer;
  let expected: string | undefined;
  try {
    // Reading the file while the fingerprint is taken overlaps the two waits.
    [bytes, expected] = await Promise.all([readFile(fileFor(cacheDir, dataDir)), fingerprint]);
  } catch {
    return undefined;
  }
  if (!expected) return undefined;
  const fingerprintOf = expected;
  try {
    // The fingerprint is written first, on its own, so a stale snapshot is rejected without decoding it all.
    const headerLength = bytes.readUInt32LE(0);
    if (bytes.toString("utf8", 4, 4 + headerLength) !== fingerprintOf) return undefined;
    const body = v8.deserialize(bytes.subarray(4 + headerLength)) as { catalog: PackedCatalog; problems: DataProblem[]; indexes: QuoteIndexData[] };
    return { fingerprint: fingerprintOf, catalog: unpackCatalog(body.catalog), problems: body.problems, indexes: body.indexes };
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a snapshot. */
export async function writeSnapshot(cacheDir: string, dataDir: string, snapshot: Snapshot): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const header = Buffer.from(snapshot.fingerprint, "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length, 0);
  const file = fileFor(cacheDir, dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, "w");
  try {
    await handle.write(Buffer.concat([length, header]));
    // Written as it comes, not copied into one buffer with the header: at a million quotes it is hundreds of megabytes.
    await handle.write(v8.serialize({ catalog: packCatalog(snapshot.catalog), problems: snapshot.problems, indexes: snapshot.indexes }));
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}
