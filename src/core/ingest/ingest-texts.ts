import { type BuildResult, type DataFile, buildCatalog } from "../build-catalog.js";
import { type ExtractedArticle, extractArticle } from "../extract/extract-article.js";
import type { ArticleFile, StoryFile } from "../schema.js";
import type { Story } from "../story.js";
import { mergeIntoStory } from "./merge-into-story.js";

/** One article's plain text, named (usually by its file) so results can be traced back. */
export interface ArticleText {
  name: string;
  text: string;
  /** The date to use when the text states none. */
  fallbackDate: string;
}

export interface IngestedTexts {
  story: StoryFile;
  /** Article files by id, as ingest would write them: a second article with the same id replaces the first. */
  articles: Map<string, ArticleFile>;
  /** Each input's name with the id and date its article got, in ingest order. */
  ingested: { name: string; id: string; date: string }[];
}

/** An empty story, as ingest starts one that does not exist yet. */
export function emptyStory(id: string, title = id.replace(/-/g, " ")): StoryFile {
  return { id, title, summary: `${title}: no developments recorded yet.`, summaryBy: "generated", parties: [], people: [], topics: [] };
}

/**
 * Extracts and merges articles into a story exactly as `npm run ingest` does, in
 * memory: oldest first (by the date each article states), so later articles update
 * what earlier ones set up. Pure: the caller reads the files.
 */
export function ingestTexts(story: StoryFile, texts: readonly ArticleText[]): IngestedTexts {
  // Dates first, to know the order; then each article is read knowing the story so far, as ingest reads it.
  const dated = texts.map((t) => ({ t, date: extractArticle(t.text, { fallbackDate: t.fallbackDate }).article.date }));
  dated.sort((a, b) => a.date.localeCompare(b.date) || a.t.name.localeCompare(b.t.name));
  let current = story;
  const articles = new Map<string, ArticleFile>();
  const ingested: IngestedTexts["ingested"] = [];
  for (const { t } of dated) {
    const merged = mergeIntoStory(current, extractArticle(t.text, { fallbackDate: t.fallbackDate, story: current }), { articles: [...articles.values()] });
    current = merged.story;
    articles.set(merged.article.id, merged.article);
    ingested.push({ name: t.name, id: merged.article.id, date: merged.article.date });
  }
  return { story: current, articles, ingested };
}

export function mergeExtracted(story: StoryFile, extracted: readonly { name: string; result: ExtractedArticle }[]): IngestedTexts {
  const ordered = [...extracted].sort((a, b) => a.result.article.date.localeCompare(b.result.article.date) || a.name.localeCompare(b.name));
  const articles = new Map<string, ArticleFile>();
  const ingested: IngestedTexts["ingested"] = [];
  let current = story;
  for (const { name, result } of ordered) {
    const merged = mergeIntoStory(current, result, { articles: [...articles.values()] });
    current = merged.story;
    articles.set(merged.article.id, merged.article);
    ingested.push({ name, id: merged.article.id, date: merged.article.date });
  }
  return { story: current, articles, ingested };
}

/** The story as the bot would load it from the files ingest writes. */
export function loadIngested(ingested: IngestedTexts): { story?: Story; problems: BuildResult["problems"] } {
  const dir = ingested.story.id;
  const files: DataFile[] = [
    { file: `${dir}/story.json`, storyDir: dir, kind: "story", text: JSON.stringify(ingested.story) },
    ...[...ingested.articles.values()].map((article): DataFile => ({
      file: `${dir}/articles/${article.id}.json`,
      storyDir: dir,
      kind: "article",
      text: JSON.stringify(article),
    })),
  ];
  const { catalog, problems } = buildCatalog(files);
  const story = catalog.stories.find((s) => s.id === dir);
  return { ...(story ? { story } : {}), problems };
}
