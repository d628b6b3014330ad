import { mkdir, mkdtemp, rm, symlink, truncate, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type DataProblem, formatProblem } from "../../src/core/errors.js";
import { searchQuotes } from "../../src/core/search-quotes.js";
import { MAX_FILE_BYTES } from "../../src/data/data-files.js";
import { readDataFiles } from "../../src/data/read-data-files.js";
import { openStoryStore } from "../../src/data/story-store.js";
import { createLogger } from "../../src/logger.js";
import { articleFile, storyFile } from "../builders.js";

const log = createLogger({ level: "silent", pretty: false });
const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

const SECRET = "do-not-echo-this-content";

/** A data folder with one story and one good article, its articles folder, and a folder outside it. */
async function dataDir() {
  const root = await mkdtemp(path.join(os.tmpdir(), "storyline-bad-"));
  temporary.push(root);
  const dir = path.join(root, "data");
  const articles = path.join(dir, "stories", "test-story", "articles");
  await mkdir(articles, { recursive: true });
  await mkdir(path.join(root, "outside"));
  await writeFile(path.join(dir, "stories", "test-story", "story.json"), JSON.stringify(storyFile()));
  await writeFile(path.join(articles, "good.json"), JSON.stringify(goodArticle("2025-03-01-good", "Ružnják hails the granary accord")));
  return { root, dir, articles, outside: path.join(root, "outside") };
}

function goodArticle(id: string, text: string) {
  return articleFile({ id, quotes: [{ speaker: "ana-ruznjak", text, kind: "direct" }] });
}

const problemFor = (problems: readonly DataProblem[], name: string) => problems.find((p) => p.file.endsWith(name));

describe("a bad file among the articles", () => {
  it("costs only itself: each is named in the problems, with no content echoed, and the rest loads", async () => {
    const { dir, articles, outside } = await dataDir();
    await symlink(path.join(articles, "gone.json"), path.join(articles, "dangling.json"));
    await mkdir(path.join(articles, "x.json"));
    // Sparse: 600 MB long, no disk used.
    await writeFile(path.join(articles, "huge.json"), "");
    await truncate(path.join(articles, "huge.json"), 600 * 2 ** 20);
    await writeFile(path.join(outside, "secret.json"), JSON.stringify(goodArticle("2025-03-02-secret", SECRET)));
    await symlink(path.join(outside, "secret.json"), path.join(articles, "escape.json"));
    await writeFile(path.join(articles, "broken.json"), `{ "id": "${SECRET}" `);
    await writeFile(path.join(articles, "garbage.json"), `${SECRET} not json at all`);
    // A link that stays inside DATA_DIR is fine.
    await writeFile(path.join(dir, "shared.json"), JSON.stringify(goodArticle("2025-03-03-shared", "Kovalenko praises the granary deal")).replace("ana-ruznjak", "boris-kovalenko"));
    await symlink(path.join(dir, "shared.json"), path.join(articles, "linked.json"));

    const store = await openStoryStore(dir, log, { cacheDir: undefined as unknown as string });
    const problems = store.problems();
    expect(problemFor(problems, "dangling.json")?.message).toBe("is a symbolic link to a file that does not exist");
    expect(problemFor(problems, "x.json")?.message).toBe("is a folder, not a file");
    expect(problemFor(problems, "huge.json")?.message).toBe(`is 600 MB; files over ${MAX_FILE_BYTES / 2 ** 20} MB are not read`);
    expect(problemFor(problems, "escape.json")?.message).toBe("is a symbolic link that leads outside DATA_DIR; refused");
    expect(problemFor(problems, "broken.json")?.message).toMatch(/^not valid JSON/);
    expect(problemFor(problems, "garbage.json")?.message).toMatch(/^not valid JSON/);
    expect(problems).toHaveLength(6);
    for (const problem of problems) expect(formatProblem(problem)).not.toContain(SECRET);
    expect(searchQuotes(store.catalog().stories[0]!, { query: "granary" }).quotes.map((q) => q.article.id).sort()).toEqual(["2025-03-01-good", "2025-03-03-shared"]);
    expect(searchQuotes(store.catalog().stories[0]!, { query: SECRET }).total).toBe(0);
  });

  it("is reported by the reader too, which other tools (ingest) use", async () => {
    const { articles, dir } = await dataDir();
    await mkdir(path.join(articles, "x.json"));
    const files = await readDataFiles(dir);
    expect(files.find((f) => f.file.endsWith("x.json"))).toMatchObject({ unreadable: "is a folder, not a file", text: "" });
  });

  it("refuses a whole articles folder that is a link leaving DATA_DIR", async () => {
    const { dir, outside } = await dataDir();
    await mkdir(path.join(dir, "stories", "other"), { recursive: true });
    await writeFile(path.join(dir, "stories", "other", "story.json"), JSON.stringify(storyFile({ id: "other" })));
    await writeFile(path.join(outside, "secret.json"), JSON.stringify(goodArticle("2025-03-02-secret", SECRET)));
    await symlink(outside, path.join(dir, "stories", "other", "articles"));
    const store = await openStoryStore(dir, log, { cacheDir: undefined as unknown as string });
    expect(problemFor(store.problems(), path.join("other", "articles"))?.message).toBe("is a symbolic link that leads outside DATA_DIR; refused");
    expect(store.catalog().stories.map((s) => s.id)).toEqual(["other", "test-story"]);
    expect(store.catalog().stories[0]!.quotes).toEqual([]);
  });

  for (const incremental of [true, false]) {
    it(`in a ${incremental ? "live" : "full"} reload keeps the valid new files, and a file that broke keeps its last good version`, async () => {
      const { dir, articles } = await dataDir();
      const store = await openStoryStore(dir, log, { cacheDir: undefined as unknown as string, incremental });
      await writeFile(path.join(articles, "new.json"), JSON.stringify(goodArticle("2025-03-05-new", "Ružnják signs the harbour accord")));
      // The good article is replaced by a folder of that name: unreadable now.
      await unlink(path.join(articles, "good.json"));
      await mkdir(path.join(articles, "good.json"));
      await writeFile(path.join(articles, "dangling.json"), "");
      await unlink(path.join(articles, "dangling.json"));
      await symlink(path.join(articles, "missing.json"), path.join(articles, "dangling.json"));
      const problems = await store.reload();
      expect(problemFor(problems, "good.json")?.message).toBe("is a folder, not a file (still serving the last good version)");
      expect(problemFor(problems, "dangling.json")?.message).toBe("is a symbolic link to a file that does not exist");
      const story = store.catalog().stories[0]!;
      expect(searchQuotes(story, { query: "accord" }).quotes.map((q) => q.article.id).sort()).toEqual(["2025-03-01-good", "2025-03-05-new"]);
    });
  }

});
