import { readHeader } from "../core/extract/article-header.js";
import type { EngineReport } from "../core/extract/model/merge-engines.js";
import { type ArticleText, type IngestedTexts } from "../core/ingest/ingest-texts.js";
import { mergeIntoStory } from "../core/ingest/merge-into-story.js";
import type { ArticleFile, StoryFile } from "../core/schema.js";
import { type ModelEngine, extractWithEngines } from "./extract-with-engines.js";

export interface IngestedWithEngines extends IngestedTexts {
  /** Which engine produced each article's parts, in ingest order. */
  engines: { name: string; engines: EngineReport }[];
}

/**
 * ingestTexts (src/core/ingest/ingest-texts.ts) with the model engine: the same order (oldest
 * first) and the same merge, each article extracted by extractWithEngines with the story as
 * the earlier articles left it, so the model can choose among the topics they made.
 */
export async function ingestTextsWithEngines(story: StoryFile, texts: readonly ArticleText[], model?: ModelEngine): Promise<IngestedWithEngines> {
  const ordered = texts
    .map((t) => ({ ...t, date: readHeader(t.text).date ?? t.fallbackDate }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
  const articles = new Map<string, ArticleFile>();
  const ingested: IngestedTexts["ingested"] = [];
  const engines: IngestedWithEngines["engines"] = [];
  let current = story;
  for (const text of ordered) {
    const extracted = await extractWithEngines(text.text, { fallbackDate: text.fallbackDate, story: current }, model);
    const merged = mergeIntoStory(current, extracted);
    current = merged.story;
    articles.set(merged.article.id, merged.article);
    ingested.push({ name: text.name, id: merged.article.id, date: merged.article.date });
    engines.push({ name: text.name, engines: extracted.engines });
  }
  return { story: current, articles, ingested, engines };
}
