import type { Span } from "./spans.js";

/**
 * Embedded social-media posts left in an article's text as markup (`<tweet ...>...<tweet/>`).
 * They are page furniture the article shows, not quotes it makes, and the quotation
 * marks inside them belong to the post's own author.
 */
export function embeddedPostSpans(text: string): Span[] {
  return [...text.matchAll(/<tweet\b[^>]*>[\s\S]*?(?:<\/tweet>|<tweet\s*\/>)/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
