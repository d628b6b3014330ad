import type { StatusItem } from "../story.js";
import { expandWord } from "./expand-word.js";
import { createScratch, matchEveryWord } from "./match-every-word.js";
import { termIndexBuilder } from "./term-index.js";
import { queryTerms, textTerms } from "./terms.js";

/** Finds status items by what they say: the same term index, folding and typo rules as /quote. */
export interface StatusFinder {
  /** Items whose thread name and detail hold every word of `query`, best first; none for a query of stopwords. */
  find(query: string): StatusItem[];
}

/** As in the quote finder: matches more than one prefix step worse than the best are noise. */
const SLACK = 1;

export function createStatusFinder(items: readonly StatusItem[]): StatusFinder {
  const builder = termIndexBuilder(items.length);
  items.forEach((item, doc) => builder.add(doc, textTerms(`${item.topic.name} ${item.detail}`)));
  const index = builder.finish();
  const scratch = createScratch(index.docCount);
  const search = (words: string[], fuzzy: boolean) =>
    matchEveryWord(
      index,
      words.map((word) => expandWord(index, word, { fuzzy })),
      scratch,
      SLACK,
    );
  return {
    find(query) {
      const words = queryTerms(query);
      if (words.length === 0) return [];
      // Exact words and prefixes first; typo variants only when nothing matches that way.
      let found = search(words, false);
      if (found.best > 0) found = search(words, true);
      return Array.from(found.docs, (doc) => items[doc]!);
    },
  };
}
