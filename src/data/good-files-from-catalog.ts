import path from "node:path";
import type { GoodFiles } from "../core/build-catalog.js";
import type { ArticleFile, Person, StoryFile } from "../core/schema.js";
import { runSteps, type Steps } from "../core/steps.js";
import type { ArticleRef, Catalog } from "../core/story.js";

/**
 * The parsed files a catalog was built from, rebuilt from the catalog itself: a store that
 * started from a snapshot has no parsed files, yet a file that breaks later should still be
 * served in its last good version. Rebuilt files say the same things, not byte for byte:
 * defaults are written out, and an article lists the people it quotes.
 */
export function goodFilesFromCatalog(catalog: Catalog, dataDir: string): GoodFiles {
  return runSteps(goodFilesFromCatalogSteps(catalog, dataDir));
}

/** Items walked between two steps. */
const STEP = 16_384;

export function* goodFilesFromCatalogSteps(catalog: Catalog, dataDir: string): Steps<GoodFiles> {
  const good = new Map<string, StoryFile | ArticleFile>();
  for (const story of catalog.stories) {
    const storyFile: StoryFile = { id: story.id, title: story.title, summary: story.summary, parties: story.parties, people: story.people, topics: story.topics };
    good.set(display(path.join(dataDir, "stories", story.id, "story.json")), storyFile);
    const articles = new Map<ArticleRef, ArticleFile>();
    const articleOf = (ref: ArticleRef) => {
      let article = articles.get(ref);
      if (!article) {
        article = {
          id: ref.id,
          title: ref.title,
          date: ref.date,
          ...(ref.dateline ? { dateline: ref.dateline } : {}),
          source: ref.source,
          summary: ref.summary,
          people: [],
          quotes: [],
          conditions: [],
          status: [],
        };
        articles.set(ref, article);
      }
      return article;
    };
    const mention = (article: ArticleFile, person: Person) => {
      if (!article.people.some((p) => p.id === person.id)) article.people.push(person);
    };
    for (const ref of story.articles) articleOf(ref);
    for (const [i, q] of story.quotes.entries()) {
      if (i % STEP === STEP - 1) yield;
      const article = articleOf(q.article);
      mention(article, q.speaker);
      article.quotes.push({ speaker: q.speaker.id, text: q.text, kind: q.kind, ...(q.context ? { context: q.context } : {}), date: q.date });
    }
    yield;
    for (const c of story.conditions) {
      const article = articleOf(c.article);
      if (c.holder) mention(article, c.holder);
      article.conditions.push({ party: c.party.id, ...(c.holder ? { holder: c.holder.id } : {}), text: c.text, firmness: c.firmness, date: c.date });
    }
    yield;
    for (const s of story.status) articleOf(s.article).status.push({ topic: s.topic.id, state: s.state, detail: s.detail, date: s.date });
    for (const [ref, article] of articles) good.set(ref.file, article);
  }
  return good;
}

function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}
