import { createHash } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import type { DataProblem } from "../core/errors.js";
import type { QuoteIndexData } from "../core/search/quote-finder.js";
import type { Catalog } from "../core/story.js";
import type { DataFileEntry } from "./data-files.js";
import { type PackedCatalog, packCatalog, unpackCatalog } from "./pack-catalog.js";

/**
 * The loaded catalog and its quote indexes, saved so that a restart with unchanged data
 * skips reading, validating and indexing every file (tens of seconds at a million quotes).
 * It is keyed by a fingerprint of the data files (path, size, times, inode) and of the code
 * that built it, taken before the files are read, so any change to the data or to that code
 * misses the snapshot rather than serving stale answers. A checksum guards the body, and
 * what it decodes to is checked for consistency: a snapshot is a cache, never trusted data.
 * V8's serializer keeps the catalog's shared objects shared and typed arrays whole.
 */
export interface Snapshot {
  fingerprint: string;
  catalog: Catalog;
  problems: DataProblem[];
  /** Per story, in catalog order. */
  indexes: QuoteIndexData[];
}

/** Bump when the snapshot's own layout changes; changes to the code that builds its content are caught by the code version. */
const FORMAT = "storyline-snapshot-5";

/** Of a listing of the data files (see listDataFiles), taken before they are read. */
export function dataFingerprint(dataDir: string, entries: readonly DataFileEntry[], codeVersion: string): string {
  const hash = createHash("sha256").update(FORMAT).update(codeVersion).update(path.resolve(dataDir));
  // In path order, so a listing kept up to date by live reloads gives the same fingerprint as a fresh one.
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const entry of sorted) hash.update(`${entry.path}\u0000${entry.signature ?? "missing"}\u0000${entry.refused ?? ""}\n`);
  return hash.digest("hex");
}

function fileFor(cacheDir: string, dataDir: string): string {
  const which = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `catalog-${which}.v8`);
}

interface Header {
  fingerprint: string;
  /** sha256 of the body. */
  checksum: string;
}

export type SnapshotRead = { snapshot: Snapshot } | { missed: "absent" | "stale" } | { broken: string };

/**
 * Reads the snapshot for this data folder, if its fingerprint (given, or still being taken)
 * matches. A snapshot that fails its checksum or decodes to something inconsistent is
 * deleted, so the next save replaces it and no start trips over it again.
 */
export async function readSnapshot(cacheDir: string, dataDir: string, fingerprint: Promise<string | undefined>): Promise<SnapshotRead> {
  const file = fileFor(cacheDir, dataDir);
  let bytes: Buffer;
  let expected: string | undefined;
  try {
    // Reading the file while the fingerprint is taken overlaps the two waits.
    [bytes, expected] = await Promise.all([readFile(file), fingerprint]);
  } catch {
    return { missed: "absent" };
  }
  if (!expected) return { missed: "absent" };
  let header: Header;
  let body: Buffer;
  try {
    // The header is written first, on its own, so a stale snapshot is rejected without decoding it all.
    const headerLength = bytes.readUInt32LE(0);
    header = JSON.parse(bytes.toString("utf8", 4, 4 + headerLength)) as Header;
    body = bytes.subarray(4 + headerLength);
  } catch (error) {
    return discard(cacheDir, dataDir, `unreadable header (${(error as Error).name})`);
  }
  if (header.fingerprint !== expected) return { missed: "stale" };
  if (createHash("sha256").update(body).digest("hex") !== header.checksum) return discard(cacheDir, dataDir, "checksum mismatch");
  try {
    const decoded = v8.deserialize(body) as { catalog: PackedCatalog; problems: DataProblem[]; indexes: QuoteIndexData[] };
    const catalog = unpackCatalog(decoded.catalog);
    checkIndexes(catalog, decoded.indexes);
    return { snapshot: { fingerprint: expected, catalog, problems: decoded.problems, indexes: decoded.indexes } };
  } catch (error) {
    return discard(cacheDir, dataDir, (error as Error).message);
  }
}

/** Deletes the snapshot of this data folder; the caller then loads from the files. */
export async function discard(cacheDir: string, dataDir: string, reason: string): Promise<{ broken: string }> {
  await rm(fileFor(cacheDir, dataDir), { force: true }).catch(() => undefined);
  return { broken: reason };
}

/** Writes through a temporary file and a rename, so a crash never leaves half a snapshot. */
export async function writeSnapshot(cacheDir: string, dataDir: string, snapshot: Snapshot): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const body = v8.serialize({ catalog: packCatalog(snapshot.catalog), problems: snapshot.problems, indexes: snapshot.indexes });
  const header: Header = { fingerprint: snapshot.fingerprint, checksum: createHash("sha256").update(body).digest("hex") };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length, 0);
  const file = fileFor(cacheDir, dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, "w");
  try {
    await handle.write(Buffer.concat([length, headerBytes]));
    // Written as it comes, not copied into one buffer with the header: at a million quotes it is hundreds of megabytes.
    await handle.write(body);
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/** Throws unless every story's index covers exactly its quotes, with postings that point at real documents. */
function checkIndexes(catalog: Catalog, indexes: readonly QuoteIndexData[]): void {
  if (!Array.isArray(indexes) || indexes.length !== catalog.stories.length) throw new Error("one index per story expected");
  catalog.stories.forEach((story, s) => {
    const { order, terms } = indexes[s]!;
    const n = story.quotes.length;
    const fail = (what: string) => {
      throw new Error(`index of story ${s}: ${what}`);
    };
    if (!(order instanceof Uint32Array) || order.length !== n) fail("order does not cover the quotes");
    for (let i = 0; i < n; i++) if (order[i]! >= n) fail("order points past the quotes");
    if (terms.docCount !== n || !(terms.offsets instanceof Uint32Array) || !(terms.postings instanceof Uint32Array)) fail("malformed term index");
    if (terms.offsets.length !== terms.terms.length + 1 || terms.offsets[terms.terms.length] !== terms.postings.length) fail("offsets do not match the postings");
    for (let t = 0; t < terms.terms.length; t++) {
      if (typeof terms.terms[t] !== "string" || (t > 0 && !(terms.terms[t - 1]! < terms.terms[t]!))) fail("terms are not sorted");
      if (terms.offsets[t]! > terms.offsets[t + 1]!) fail("offsets go backwards");
    }
    for (let p = 0; p < terms.postings.length; p++) if (terms.postings[p]! >= n) fail("a posting points past the quotes");
  });
}
