import { generateCorpus } from "../../bench/corpus/generate-story.js";
import type { Story } from "../../src/core/story.js";
import { catalogOf as fromFiles } from "../builders.js";

/** A generated story of `quotes` quotes, loaded as the bot loads data. */
export function catalogOf(quotes: number, seed = 1): Story {
  const corpus = generateCorpus({ quotes, seed });
  return fromFiles(corpus.story, [...corpus.articles()]).stories[0]!;
}
