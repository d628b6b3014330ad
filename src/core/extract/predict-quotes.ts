import { findQuotes } from "./attribute-quotes.js";
import { clusterPeople } from "./people-clusters.js";
import type { PredictedQuote } from "./quote-score.js";
import { resolvePhrase, speakerDisplayName } from "./resolve-speakers.js";

/** Every quoted piece the extractor keeps as a direct quote, with the speaker it credits. */
export function predictQuotes(text: string): (PredictedQuote & { rule: string })[] {
  const { quotes, mentions } = findQuotes(text);
  const people = clusterPeople(mentions);
  const spans = quotes.flatMap((q) => q.segments);
  return quotes.flatMap((quote) => {
    const speaker = speakerDisplayName(quote.speaker && resolvePhrase(quote.speaker, mentions, people, spans));
    return quote.segments.map((s) => ({ start: s.start, end: s.end, rule: quote.rule, ...(speaker ? { speaker } : {}) }));
  });
}
