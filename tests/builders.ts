import { type DataFile, buildCatalog } from "../src/core/build-catalog.js";
import type { ArticleFile, StoryFile } from "../src/core/schema.js";
import type { Catalog } from "../src/core/story.js";
import type { CommandDeps } from "../src/command-kit/command.js";

/** Plain builders for story data: tests say only what matters to them. */

export function storyFile(overrides: Partial<StoryFile> = {}): StoryFile {
  return {
    id: "test-story",
    title: "Test story",
    summary: "A story made up for tests.",
    parties: [
      { id: "north", name: "Northland", aliases: ["the North"] },
      { id: "south", name: "Southland", aliases: [] },
    ],
    people: [
      { id: "ana-ruznjak", name: "Ana Ružnják", aliases: ["Ružnják"], role: "Foreign minister of Northland", party: "north" },
      { id: "boris-kovalenko", name: "Boris Kovalenko", aliases: ["Kovalenko"], role: "Southland envoy", party: "south" },
    ],
    topics: [
      { id: "border-talks", name: "Border talks", aliases: ["talks"] },
      { id: "ceasefire", name: "Ceasefire", aliases: ["truce"] },
    ],
    ...overrides,
  };
}

export function articleFile(overrides: Partial<ArticleFile> = {}): ArticleFile {
  return {
    id: "2025-03-01-talks",
    title: "Envoys meet at the border",
    date: "2025-03-01",
    source: { name: "Test Wire", url: "https://example.com/talks" },
    summary: "Made up.",
    people: [],
    quotes: [],
    conditions: [],
    status: [],
    ...overrides,
  };
}

export function dataFiles(story: StoryFile, articles: ArticleFile[], dir = story.id): DataFile[] {
  return [
    { file: `data/stories/${dir}/story.json`, storyDir: dir, kind: "story", text: JSON.stringify(story) },
    ...articles.map((a) => ({ file: `data/stories/${dir}/articles/${a.id}.json`, storyDir: dir, kind: "article" as const, text: JSON.stringify(a) })),
  ];
}

export function catalogOf(story: StoryFile, articles: ArticleFile[]): Catalog {
  const result = buildCatalog(dataFiles(story, articles));
  if (result.problems.length > 0) throw new Error(`test data is invalid: ${JSON.stringify(result.problems)}`);
  return result.catalog;
}

export function depsOf(catalog: Catalog): CommandDeps {
  return { catalog: () => catalog, now: () => new Date("2025-03-10T12:00:00Z") };
}
