import { createHash } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { DataProblem } from "../core/errors.js";
import type { QuoteIndexData } from "../core/search/quote-finder.js";
import type { Catalog } from "../core/story.js";
import type { DataFileEntry } from "./data-files.js";
import type { Steps } from "../core/steps.js";
import { nextTurn, runPaced, SLICE_MS } from "./run-paced.js";
import { contentSteps, snapshotFrames } from "./snapshot-frames.js";

/**
 * The loaded catalog and its quote indexes, saved so that a restart with unchanged data
 * skips reading, validating and indexing every file (tens of seconds at a million quotes).
 * It is keyed by a fingerprint of the data files (path, size, times, inode) and of the code
 * that built it, taken before the files are read, so any change to the data or to that code
 * misses the snapshot rather than serving stale answers. A checksum guards the body, and
 * what it decodes to is checked for consistency: a snapshot is a cache, never trusted data.
 * The body is a sequence of frames (see snapshot-frames.ts), so saving it at a million quotes
 * never holds the event loop for more than a few milliseconds at a time.
 */
export interface Snapshot {
  fingerprint: string;
  catalog: Catalog;
  problems: DataProblem[];
  /** Per story, in catalog order. */
  indexes: QuoteIndexData[];
}

/** Bump when the snapshot's own layout changes; changes to the code that builds its content are caught by the code version. */
const FORMAT = "storyline-snapshot-6";
/** Room for the header: it is written last, once the checksum of the body is known. */
const HEADER_BYTES = 512;
/** Bytes hashed per step when a snapshot is read. */
const HASH_BYTES = 4 * 1_048_576;
/** Frames gathered before a write. */
const WRITE_BYTES = 4 * 1_048_576;

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
    // The header sits in front, on its own, so a stale snapshot is rejected without decoding it all.
    const headerLength = bytes.readUInt32LE(0);
    header = JSON.parse(bytes.toString("utf8", 4, 4 + headerLength)) as Header;
    body = bytes.subarray(4 + headerLength);
  } catch (error) {
    return discard(cacheDir, dataDir, `unreadable header (${(error as Error).name})`);
  }
  if (header.fingerprint !== expected) return { missed: "stale" };
  if ((await runPaced(checksumSteps(body))) !== header.checksum) return discard(cacheDir, dataDir, "checksum mismatch");
  try {
    const content = await runPaced(contentSteps(body));
    checkIndexes(content.catalog, content.indexes);
    return { snapshot: { fingerprint: expected, ...content } };
  } catch (error) {
    return discard(cacheDir, dataDir, (error as Error).message);
  }
}

/** sha256 of `body`, a few megabytes per step: the whole of a large snapshot takes a second. */
function* checksumSteps(body: Buffer): Steps<string> {
  const hash = createHash("sha256");
  for (let at = 0; at < body.length; at += HASH_BYTES) {
    hash.update(body.subarray(at, at + HASH_BYTES));
    yield;
  }
  return hash.digest("hex");
}

/** Deletes the snapshot of this data folder; the caller then loads from the files. */
export async function discard(cacheDir: string, dataDir: string, reason: string): Promise<{ broken: string }> {
  await rm(fileFor(cacheDir, dataDir), { force: true }).catch(() => undefined);
  return { broken: reason };
}

/**
 * Writes through a temporary file and a rename, so a crash never leaves half a snapshot.
 * A frame at a time, with a turn for other work whenever a slice of time has passed: the
 * bot keeps answering while a large snapshot is saved. The data must not change meanwhile
 * (catalogs and indexes are never changed in place; a reload makes new ones).
 */
export async function writeSnapshot(cacheDir: string, dataDir: string, snapshot: Snapshot): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const file = fileFor(cacheDir, dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, "w");
  try {
    const hash = createHash("sha256");
    let position = HEADER_BYTES;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      const buffers = pending;
      const total = pendingBytes;
      pending = [];
      pendingBytes = 0;
      const { bytesWritten } = await handle.writev(buffers, position);
      // A short write is rare on a file but allowed: the rest goes out the plain way.
      for (let done = bytesWritten; done < total; ) {
        const rest = Buffer.concat(buffers).subarray(done);
        done += (await handle.write(rest, 0, rest.length, position + done)).bytesWritten;
      }
      position += total;
    };
    let sliceStarted = performance.now();
    for (const buffers of snapshotFrames(snapshot)) {
      for (const buffer of buffers) {
        hash.update(buffer);
        pending.push(buffer);
        pendingBytes += buffer.length;
      }
      if (pendingBytes >= WRITE_BYTES) await flush();
      if (performance.now() - sliceStarted >= SLICE_MS) {
        await nextTurn();
        sliceStarted = performance.now();
      }
    }
    await flush();
    await handle.write(headerBytes({ fingerprint: snapshot.fingerprint, checksum: hash.digest("hex") }), 0, HEADER_BYTES, 0);
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/** The header in its fixed room: its length, then its JSON padded with spaces (JSON ignores them). */
function headerBytes(header: Header): Buffer {
  const json = JSON.stringify(header);
  const bytes = Buffer.alloc(HEADER_BYTES, " ");
  bytes.writeUInt32LE(HEADER_BYTES - 4, 0);
  if (bytes.write(json, 4, "utf8") !== Buffer.byteLength(json)) throw new Error("snapshot header too long");
  return bytes;
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
