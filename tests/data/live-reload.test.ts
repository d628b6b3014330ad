import { mkdtemp, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { generateCorpus } from "../../bench/corpus/generate-story.js";
import { writeCorpus } from "../../bench/corpus/write-corpus.js";
import type { ArticleFile } from "../../src/core/schema.js";
import { searchQuotes } from "../../src/core/search-quotes.js";
import { indexStory, quotesOutsideMainIndex } from "../../src/core/story-index.js";
import type { Story } from "../../src/core/story.js";
import { openStoryStore } from "../../src/data/story-store.js";
import { watchDataDir } from "../../src/data/watch-data-dir.js";
import { createLogger } from "../../src/logger.js";

const log = createLogger({ level: "silent", pretty: false });
const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});
async function corpusDir(quotes: number, seed: number): Promise<{ dir: string; articlesDir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "storyline-live-"));
  temporary.push(dir);
  const corpus = generateCorpus({ quotes, seed });
  await writeCorpus(corpus, dir);
  return { dir, articlesDir: path.join(dir, "stories", corpus.story.id, "articles") };
}

function article(id: string, date: string, quotes: { speaker: string; text: string }[], people: ArticleFile["people"] = []): ArticleFile {
  return {
    id,
    title: `Article ${id}`,
    date,
    source: { name: "Test Wire" },
    summary: "Made up for a test.",
    people,
    quotes: quotes.map((q) => ({ ...q, kind: "direct" as const })),
    conditions: [],
    status: [],
  };
}

/** Everything a reader of the catalog can tell apart: order, ids, text, links. */
function shape(story: Story) {
  return {
    articles: story.articles.map((a) => [a.id, a.file, a.date]),
    quotes: story.quotes.map((q) => [q.id, q.speaker.id, q.text, q.date, q.article.id]),
    conditions: story.conditions.map((c) => [c.id, c.article.id]),
    status: story.status.map((s) => [s.id, s.article.id]),
    people: story.people.map((p) => p.id).sort(),
  };
}

function answers(story: Story, requests: { query?: string; speaker?: string }[]) {
  return requests.map((request) => {
    const found = searchQuotes(story, request, { limit: 30 });
    return { request, total: found.total, ids: found.quotes.map((q) => q.id) };
  });
}

describe("a live reload", () => {
  it("adds, replaces and removes articles without a full rebuild, and answers exactly as a fresh load does", async () => {
    const { dir, articlesDir } = await corpusDir(1500, 11);
    const store = await openStoryStore(dir, log, { cacheDir: undefined as unknown as string, settleAfterMs: 60_000 });
    const before = store.catalog().stories[0]!;
    const speaker = before.quotes[0]!.speaker.id;
    const other = before.quotes[7]!.speaker.id;
    const middle = before.articles[Math.floor(before.articles.length / 2)]!;
    const changed = before.articles[3]!;
    const removed = before.articles[5]!;
    const removedWord = before.quotes.find((q) => q.article === removed)!.text.split(" ")[2]!;

    await writeFile(path.join(articlesDir, "zz-newest.json"), JSON.stringify(article("2031-01-01-newest", "2031-01-01", [{ speaker, text: "The pelicanwharf deal is done, we said." }, { speaker: other, text: "Nothing about pelicanwharf was agreed." }])));
    await writeFile(path.join(articlesDir, "aa-oldest.json"), JSON.stringify(article("2001-01-01-oldest", "2001-01-01", [{ speaker: "new-voice", text: "Marmotquay will stay closed." }], [{ id: "new-voice", name: "Ottilie Newvoice", aliases: ["Newvoice"] }])));
    // Same date as an existing article: story order then goes by file name.
    await writeFile(path.join(articlesDir, `${middle.id}-b.json`), JSON.stringify(article(`${middle.id}-b`, middle.date, [{ speaker, text: `Quayside talk about ${removedWord} and pelicanwharf.` }])));
    const changedFile = JSON.parse(await readFile(changed.file, "utf8")) as ArticleFile;
    changedFile.quotes[0]!.text = "Entirely rewritten words about heronmoor.";
    await writeFile(changed.file, JSON.stringify(changedFile));
    await unlink(removed.file);

    const problems = await store.reload();
    expect(problems).toEqual([]);
    const live = store.catalog().stories[0]!;
    expect(live).not.toBe(before);
    // Indexed in parts: the reload did not rebuild the index.
    expect(quotesOutsideMainIndex(live)).toBeGreaterThan(0);

    const fresh = (await openStoryStore(dir, log, { cacheDir: undefined as unknown as string })).catalog().stories[0]!;
    expect(shape(live)).toEqual(shape(fresh));
    const words = fresh.quotes.filter((_, i) => i % 97 === 0).map((q) => q.text.split(" ").slice(1, 3).join(" "));
    const requests = [
      { query: "pelicanwharf" },
      { query: "pelicanwhraf" },
      { query: "pelican" },
      { query: "marmotquay" },
      { query: "heronmoor" },
      { query: removedWord },
      { speaker: "Newvoice" },
      { speaker: fresh.people.find((p) => p.id === speaker)!.name },
      { speaker: fresh.people.find((p) => p.id === speaker)!.name, query: "pelicanwharf" },
      {},
      ...words.map((query) => ({ query })),
      ...words.map((query) => ({ query: `${query.slice(0, -1)}` })),
    ];
    expect(answers(live, requests)).toEqual(answers(fresh, requests));
    expect(searchQuotes(live, { query: "pelicanwharf" }).total).toBe(3);
    expect(searchQuotes(live, { query: changed.id }).total).toBe(0);
    expect(searchQuotes(live, { query: before.quotes.find((q) => q.article === changed)!.text }).quotes.some((q) => q.article.file === changed.file)).toBe(false);
    expect(live.quotes.some((q) => q.article.id === removed.id)).toBe(false);
    const counts = (story: Story) => new Map(indexStory(story).quotedPeople.map((p) => [p.id, story.quotes.filter((q) => q.speaker.id === p.id).length]));
    expect(counts(live)).toEqual(counts(fresh));
    const order = [...counts(live).values()];
    expect(order).toEqual([...order].sort((a, b) => b - a));
    store.close?.();
  });

  it("rebuilds the index whole once the data has been quiet, with the same answers", async () => {
    const { dir, articlesDir } = await corpusDir(400, 12);
    const store = await openStoryStore(dir, log, { cacheDir: undefined as unknown as string, settleAfterMs: 50 });
    const speaker = store.catalog().stories[0]!.quotes[0]!.speaker.id;
    await writeFile(path.join(articlesDir, "zz-new.json"), JSON.stringify(article("2031-02-02-new", "2031-02-02", [{ speaker, text: "Kestrelgate opens at dawn." }])));
    await store.reload();
    const story = store.catalog().stories[0]!;
    const before = answers(story, [{ query: "kestrelgate" }, { query: "dawn" }, {}]);
    expect(quotesOutsideMainIndex(story)).toBe(1);
    await vi.waitFor(() => expect(quotesOutsideMainIndex(store.catalog().stories[0]!)).toBe(0), { timeout: 5_000 });
    expect(store.catalog().stories[0]).toBe(story);
    expect(answers(story, [{ query: "kestrelgate" }, { query: "dawn" }, {}])).toEqual(before);
    store.close?.();
  });

  it("keeps serving a changed article's last good version when its new version refers to nobody known", async () => {
    const { dir } = await corpusDir(300, 13);
    const store = await openStoryStore(dir, log, { cacheDir: undefined as unknown as string });
    const target = store.catalog().stories[0]!.articles[2]!;
    const quotes = store.catalog().stories[0]!.quotes.filter((q) => q.article.id === target.id).map((q) => q.text);
    const data = JSON.parse(await readFile(target.file, "utf8")) as ArticleFile;
    data.quotes[0]!.speaker = "nobody-we-know";
    await writeFile(target.file, JSON.stringify(data));
    const problems = await store.reload();
    expect(problems).toEqual([expect.objectContaining({ file: target.file, path: "quotes[0].speaker", message: expect.stringMatching(/unknown id "nobody-we-know".*still serving the last good version/) })]);
    expect(store.catalog().stories[0]!.quotes.filter((q) => q.article.id === target.id).map((q) => q.text)).toEqual(quotes);
    // Fixed again: the problem goes away.
    data.quotes[0]!.speaker = store.catalog().stories[0]!.quotes[0]!.speaker.id;
    await writeFile(target.file, JSON.stringify(data));
    expect(await store.reload()).toEqual([]);
  });
});

describe("watching the data folder", () => {
  it("reloads once a file written elsewhere is renamed into place, and never reads the temporary file", async () => {
    const { dir, articlesDir } = await corpusDir(200, 14);
    const store = await openStoryStore(dir, log, { cacheDir: undefined as unknown as string });
    const speaker = store.catalog().stories[0]!.quotes[0]!.speaker.id;
    const reloads: (readonly unknown[])[] = [];
    const hints: (readonly string[] | undefined)[] = [];
    const watcher = watchDataDir(
      dir,
      async (files) => {
        hints.push(files);
        reloads.push(await store.reload(files));
      },
      log,
      50,
    );
    try {
      const temporaryFile = path.join(articlesDir, ".zz-atomic.json.tmp");
      await writeFile(temporaryFile, JSON.stringify(article("2031-03-03-atomic", "2031-03-03", [{ speaker, text: "Ospreyfield is ready." }])).slice(0, 40));
      await writeFile(path.join(articlesDir, "half-written.json.tmp"), "{ not yet");
      await writeFile(path.join(articlesDir, ".half-written.json"), "{ not yet");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(reloads).toEqual([]);
      await writeFile(temporaryFile, JSON.stringify(article("2031-03-03-atomic", "2031-03-03", [{ speaker, text: "Ospreyfield is ready." }])));
      await rename(temporaryFile, path.join(articlesDir, "zz-atomic.json"));
      await vi.waitFor(() => expect(searchQuotes(store.catalog().stories[0]!, { query: "ospreyfield" }).total).toBe(1), { timeout: 5_000 });
      expect(reloads.at(-1)).toEqual([]);
      // The watcher names the file, so only it is looked at.
      expect(hints.at(-1)).toEqual([path.join(articlesDir, "zz-atomic.json")]);
      // A removal goes the same way.
      const gone = store.catalog().stories[0]!.articles[1]!;
      await unlink(gone.file);
      await vi.waitFor(() => expect(store.catalog().stories[0]!.articles.some((a) => a.id === gone.id)).toBe(false), { timeout: 5_000 });
      expect(store.catalog().stories[0]!.quotes.some((q) => q.article.id === gone.id)).toBe(false);
      expect(hints.at(-1)).toEqual([path.resolve(gone.file)]);
    } finally {
      watcher.close();
    }
  });

  it("still reloads while files keep landing faster than the quiet period", async () => {
    const { dir, articlesDir } = await corpusDir(200, 15);
    let reloads = 0;
    const watcher = watchDataDir(dir, async () => reloads++, log, 200, 400);
    try {
      for (let i = 0; i < 12; i++) {
        await writeFile(path.join(articlesDir, `stream-${i}.json`), "{}");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(reloads).toBeGreaterThanOrEqual(2);
    } finally {
      watcher.close();
    }
  });
});
