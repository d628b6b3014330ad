import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { generateCorpus } from "../../bench/corpus/generate-story.js";
import { writeCorpus } from "../../bench/corpus/write-corpus.js";
import { searchQuotes } from "../../src/core/search-quotes.js";
import { quotesOutsideMainIndex } from "../../src/core/story-index.js";
import { indexCodeVersion } from "../../src/data/index-code-version.js";
import { decodeFrames, encodeFrames, type Frame } from "../../src/data/snapshot-frames.js";
import { openStoryStore, type StoreOptions } from "../../src/data/story-store.js";
import { createLogger } from "../../src/logger.js";
import type { LogLine } from "../e2e/harness.js";
import { pino } from "pino";
import { Writable } from "node:stream";

const temporary: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "storyline-snap-"));
  temporary.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});
const silent = createLogger({ level: "silent", pretty: false });

function capture() {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { log: pino({ level: "debug" }, sink), lines };
}

/** A data folder with a saved snapshot; `options` as the store is opened each time. */
async function withSnapshot(seed: number, extra: Partial<StoreOptions> = {}) {
  const data = await tempDir();
  const cacheDir = await tempDir();
  await writeCorpus(generateCorpus({ quotes: 300, seed }), data);
  const options: StoreOptions = { cacheDir, snapshotFromQuotes: 100, codeVersion: "v1", ...extra };
  const first = await openStoryStore(data, silent, options);
  await first.saved?.();
  const file = path.join(cacheDir, (await readdir(cacheDir))[0]!);
  return { data, cacheDir, options, file, story: first.catalog().stories[0]! };
}

/** Opens the store; says whether it started from the snapshot. */
async function open(data: string, options: StoreOptions) {
  const { log, lines } = capture();
  const store = await openStoryStore(data, log, options);
  const from = lines.find((l) => l.msg === "Story data loaded")?.from;
  return { store, from, lines };
}

/** Rewrites a snapshot's frames through `change`, with a checksum that matches again (as a careful forger would). */
async function reforge(file: string, change: (frames: Frame[]) => Frame[] | void) {
  const bytes = await readFile(file);
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString("utf8", 4, 4 + headerLength)) as { fingerprint: string; checksum: string };
  const frames = decodeFrames(bytes.subarray(4 + headerLength));
  const newBody = encodeFrames(change(frames) ?? frames);
  const newHeader = Buffer.from(JSON.stringify({ ...header, checksum: createHash("sha256").update(newBody).digest("hex") }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(newHeader.length, 0);
  await writeFile(file, Buffer.concat([length, newHeader, newBody]));
}
const framesOf = <K extends Frame["kind"]>(frames: Frame[], kind: K) => frames.filter((f): f is Extract<Frame, { kind: K }> => f.kind === kind);

describe("the snapshot cache", () => {
  it("starts from the snapshot when nothing changed", async () => {
    const { data, options } = await withSnapshot(21);
    expect((await open(data, options)).from).toBe("snapshot");
  });

  it("is not served once altered, even when it still decodes; it is deleted and rebuilt", async () => {
    const { data, options, file, story } = await withSnapshot(22);
    const quote = story.quotes[10]!;
    const bytes = await readFile(file);
    // Strings are stored one byte or two bytes a character.
    const latin1 = bytes.indexOf(Buffer.from(quote.text, "latin1"));
    const at = latin1 >= 0 ? latin1 : bytes.indexOf(Buffer.from(quote.text, "utf16le"));
    expect(at).toBeGreaterThan(0);
    bytes.write(quote.text.startsWith("Z") ? "Q" : "Z", at, "latin1");
    await writeFile(file, bytes);
    const { store, from, lines } = await open(data, options);
    expect(from).toBe("files");
    expect(lines.some((l) => l.msg.includes("snapshot was damaged") && l.reason === "checksum mismatch")).toBe(true);
    expect(store.catalog().stories[0]!.quotes[10]!.text).toBe(quote.text);
    // Rebuilt and saved again: the next start uses it.
    await store.saved?.();
    expect((await open(data, options)).from).toBe("snapshot");
  });

  it("after live reloads, is saved once the index is rebuilt whole, and the next start serves the new words from it", async () => {
    const { data, options, story } = await withSnapshot(27, { settleAfterMs: 20 });
    const store = await openStoryStore(data, silent, options);
    const speaker = story.quotes[0]!.speaker.id;
    const article = { id: "2099-05-05-new", title: "New", date: "2099-05-05", source: { name: "Wire" }, summary: "New.", people: [], quotes: [{ speaker, text: "Quillharbour opens.", kind: "direct" }], conditions: [], status: [] };
    await writeFile(path.join(data, "stories", story.id, "articles", "2099-05-05-new.json"), JSON.stringify(article));
    await store.reload();
    await vi.waitFor(() => expect(quotesOutsideMainIndex(store.catalog().stories[0]!)).toBe(0), { timeout: 10_000 });
    await store.saved?.();
    store.close?.();
    const next = await open(data, options);
    expect(next.from).toBe("snapshot");
    expect(searchQuotes(next.store.catalog().stories[0]!, { query: "quillharbour" }).quotes.map((q) => q.text)).toEqual(["Quillharbour opens."]);
  });

  it("gives back every quote, condition and status item as they were, each pointing at the same article, speaker, party and topic", async () => {
    const { data, options, story } = await withSnapshot(20);
    const { store, from } = await open(data, options);
    expect(from).toBe("snapshot");
    const again = store.catalog().stories[0]!;
    const shape = (s: typeof story) => ({
      people: s.people,
      articles: s.articles,
      quotes: s.quotes.map((q) => [q.id, q.speaker, q.text, q.kind, q.context, q.date, q.article]),
      conditions: s.conditions.map((c) => [c.id, c.party, c.holder, c.text, c.firmness, c.date, c.article]),
      status: s.status.map((x) => [x.id, x.topic, x.state, x.detail, x.date, x.article]),
    });
    expect(shape(again)).toEqual(shape(story));
    expect(story.conditions.length).toBeGreaterThan(0);
    expect(story.status.length).toBeGreaterThan(0);
    // Shared as in a loaded story: a quote's article is the story's article object.
    expect(again.articles).toContain(again.quotes[0]!.article);
    expect(again.articles).toContain(again.conditions[0]!.article);
  });

  it("with inconsistent frames (and a matching checksum) rebuilds from the files instead of crashing", async () => {
    const changes: ((frames: Frame[]) => Frame[] | void)[] = [
      (frames) => void (framesOf(frames, "quotes")[0]!.quotes.lengths = framesOf(frames, "quotes")[0]!.quotes.lengths.subarray(3)),
      (frames) => void framesOf(frames, "quotes")[0]!.quotes.speaker.fill(9_999, 0, 1),
      (frames) => void (framesOf(frames, "quotes")[0]!.quotes.strings = framesOf(frames, "quotes")[0]!.quotes.strings.slice(5)),
      (frames) => void (framesOf(frames, "conditions")[0]!.conditions[0]!.article = 1e9),
      (frames) => void (framesOf(frames, "status")[0]!.status[0]!.topic = -1),
      (frames) => frames.filter((f) => f.kind !== "postings"),
      (frames) => frames.slice(0, -2),
    ];
    for (const [i, change] of changes.entries()) {
      const { data, options, file, story } = await withSnapshot(30 + i);
      await reforge(file, change);
      const { store, from, lines } = await open(data, options);
      expect(from).toBe("files");
      expect(lines.some((l) => l.msg.includes("snapshot was damaged"))).toBe(true);
      expect(store.catalog().stories[0]!.quotes.map((q) => q.text)).toEqual(story.quotes.map((q) => q.text));
    }
  });

  it("with an index that does not fit its quotes rebuilds from the files", async () => {
    const { data, options, file } = await withSnapshot(26);
    await reforge(file, (frames) => void (framesOf(frames, "postings")[0]!.postings[0] = 1_000_000));
    const { store, from } = await open(data, options);
    expect(from).toBe("files");
    const word = store.catalog().stories[0]!.quotes[0]!.text.split(" ")[1]!;
    expect(searchQuotes(store.catalog().stories[0]!, { query: word }).total).toBeGreaterThan(0);
  });

  it("misses when the indexing code changes", async () => {
    const { data, options } = await withSnapshot(27);
    expect((await open(data, { ...options, codeVersion: "v2" })).from).toBe("files");
  });

  it("is keyed by a code version that follows the sources of folding and indexing", async () => {
    const src = await tempDir();
    await cp("src", src, { recursive: true });
    const before = indexCodeVersion(src, ".ts");
    expect(indexCodeVersion(src, ".ts")).toBe(before);
    await writeFile(path.join(src, "core", "fold-text.ts"), `${await readFile(path.join(src, "core", "fold-text.ts"), "utf8")}\n// changed\n`);
    const folded = indexCodeVersion(src, ".ts");
    expect(folded).not.toBe(before);
    await writeFile(path.join(src, "core", "search", "terms.ts"), `${await readFile(path.join(src, "core", "search", "terms.ts"), "utf8")}\n// changed\n`);
    expect(indexCodeVersion(src, ".ts")).not.toBe(folded);
    // This very checkout's version is what a store uses unless a test says otherwise.
    expect(indexCodeVersion()).toBe(indexCodeVersion(path.resolve("src"), ".ts"));
  });

  it("misses when a file is replaced by a copy that keeps its size and modification time (cp -p)", async () => {
    const { data, options, story } = await withSnapshot(28);
    const target = story.articles[0]!.file;
    const original = await readFile(target, "utf8");
    const quote = story.quotes.find((q) => q.article === story.articles[0])!;
    const altered = original.replace(quote.text, quote.text.replace(/^./, (c) => (c === "Q" ? "R" : "Q")));
    expect(altered.length).toBe(original.length);
    const elsewhere = path.join(await tempDir(), "copy.json");
    await writeFile(elsewhere, altered);
    const { mtimeMs, size } = await stat(target);
    execFileSync("touch", ["-r", target, elsewhere]);
    execFileSync("cp", ["-p", elsewhere, target]);
    expect(await stat(target)).toMatchObject({ mtimeMs, size });
    const { store, from } = await open(data, options);
    expect(from).toBe("files");
    expect(store.catalog().stories[0]!.quotes.find((q) => q.id === quote.id)!.text).not.toBe(quote.text);
  });
});
