import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Corpus } from "./generate-story.js";

/** Writes a corpus as a story data directory: `<out>/stories/<id>/story.json` and one file per article. */
export async function writeCorpus(corpus: Corpus, out: string): Promise<{ articles: number; quotes: number }> {
  const storyDir = path.join(out, "stories", corpus.story.id);
  await rm(path.join(out, "stories"), { recursive: true, force: true });
  await mkdir(path.join(storyDir, "articles"), { recursive: true });
  await writeFile(path.join(storyDir, "story.json"), JSON.stringify(corpus.story, null, 1));
  let articles = 0;
  let quotes = 0;
  let pending: Promise<void>[] = [];
  for (const article of corpus.articles()) {
    pending.push(writeFile(path.join(storyDir, "articles", `${article.id}.json`), JSON.stringify(article)));
    articles += 1;
    quotes += article.quotes.length;
    // A bounded number of writes in flight: fast, without opening fifty thousand files at once.
    if (pending.length >= 64) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  return { articles, quotes };
}
