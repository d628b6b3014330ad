import { blankSpans } from "./blank-quotes.js";
import { embeddedPostSpans } from "./embedded-posts.js";
import { type NameMention, nameMentions } from "./name-mentions.js";
import { ATTRIBUTION_RULES, type QuoteSite, rulesOf } from "./attribution-rules.js";
import { withDoubledApostrophesAsMarks } from "./quote-marks.js";
import { canBeQuote, looksLikeQuote } from "./quote-filter.js";
import type { Found, Scene } from "./quote-scene.js";
import { type QuotedSpan, quotedSpans } from "./quoted-spans.js";
import { sentenceSpans } from "./sentences.js";
import type { Span } from "./spans.js";
import type { SpeakerPhrase } from "./speaker-phrases.js";

/** A direct quote as found in the text: its quoted pieces and whom the text credits. */
export interface FoundQuote {
  /** Pieces in order; several when a quote runs over paragraphs. */
  segments: QuotedSpan[];
  speaker?: SpeakerPhrase;
  /** Which rule found the speaker, for reading errors. */
  rule: string;
}

export interface QuoteAnalysis {
  quotes: FoundQuote[];
  /** The text with every quotation's inside blanked. */
  plain: string;
  mentions: NameMention[];
  sentences: Span[];
}

const STRONG_RULES = rulesOf("strong");
const WEAK_BUT_FRAMED = rulesOf("framed");

/**
 * Finds the direct quotes of a text and the phrase that credits each one. Spans under three
 * words and titles named as such are dropped first; after attribution, Title Case spans that
 * no speech verb frames are dropped as titles and slogans.
 */
export function findQuotes(raw: string): QuoteAnalysis {
  const text = withDoubledApostrophesAsMarks(raw);
  const all = quotedSpans(text);
  const sentences = sentenceSpans(text, all);
  const mentions = nameMentions(text, all.map((q) => ({ start: q.start - 1, end: q.end + 1 })));
  const scene: Scene = { text, plain: blankSpans(text, all), sentences, mentions };
  const before = (q: QuotedSpan) => text.slice(Math.max(0, q.start - 40), q.start - 1);
  const after = (q: QuotedSpan) => text.slice(q.end, q.end + 80);
  const posts = embeddedPostSpans(text);
  const inPost = (q: QuotedSpan) => posts.some((p) => p.start <= q.start && q.end <= p.end);
  const kept = all.filter((q) => canBeQuote(text.slice(q.start, q.end), before(q), after(q)) && !inPost(q));
  const quotes: FoundQuote[] = [];
  for (const quote of kept) {
    const previous = quotes[quotes.length - 1];
    const found = speakerFor(scene, quote, previous);
    const last = previous?.segments[previous.segments.length - 1];
    // The news convention for a quote over several paragraphs: no closing mark until its last paragraph.
    // A transcript opens each turn the same way, but a new speaker label starts a new quote.
    if (previous && last && !last.closed && quote.paragraph === last.paragraph + 1 && startsParagraph(text, quote) && found?.rule !== "transcript") {
      previous.segments.push(quote);
      if (found && STRONG_RULES.has(found.rule) && !STRONG_RULES.has(previous.rule)) Object.assign(previous, found);
      continue;
    }
    quotes.push(found ? { segments: [quote], ...found } : { segments: [quote], rule: "none" });
  }
  const real = quotes.filter((q) => STRONG_RULES.has(q.rule) || WEAK_BUT_FRAMED.has(q.rule) || looksLikeQuote(text.slice(q.segments[0]!.start, q.segments[0]!.end), before(q.segments[0]!)));
  return { quotes: real, plain: scene.plain, mentions, sentences };
}

function startsParagraph(text: string, quote: QuotedSpan): boolean {
  const lineStart = text.lastIndexOf("\n", quote.start) + 1;
  return text.slice(lineStart, quote.start - 1).trim() === "";
}

function sentenceOf(scene: Scene, at: number): number {
  return scene.sentences.findIndex((s) => s.start <= at && at < s.end);
}

/** The first attribution rule, in precedence order, that credits the quote; a transcript label before all. */
function speakerFor(scene: Scene, quote: QuotedSpan, previous: FoundQuote | undefined): Found | undefined {
  const labelled = transcriptSpeaker(scene, quote);
  if (labelled) return labelled;
  const site = quoteSite(scene, quote, previous);
  for (const rule of ATTRIBUTION_RULES) {
    const found = rule.matcher(site);
    if (found) return found;
  }
  return undefined;
}

/** A transcript line credits its label: "PENCE: Well, look, ...". */
function transcriptSpeaker(scene: Scene, quote: QuotedSpan): Found | undefined {
  const label = /^([\p{Lu}][\p{Lu}.’' -]{1,40}):\s/u.exec(scene.text.slice(quote.start, quote.end));
  if (!label || /^(Q|A|UPDATE|EDITOR|NOTE|VIDEO|PHOTO)$/.test(label[1]!.trim())) return undefined;
  const name = label[1]!.trim().toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
  return { speaker: { kind: "name", mention: { start: quote.start, end: quote.start + label[1]!.length, name } }, rule: "transcript" };
}

/** What the attribution rules read around a quote: its sentence, the words before and after it. */
function quoteSite(scene: Scene, quote: QuotedSpan, previous: FoundQuote | undefined): QuoteSite {
  const { plain, sentences } = scene;
  const index = sentenceOf(scene, quote.start);
  const sentence = sentences[index] ?? { start: quote.start, end: quote.end };
  const afterStart = quote.end + (quote.closed ? 1 : 0);
  let afterEnd = sentence.end;
  // `"...?" Trump asked.` is cut in two by the sentence splitter; read on into the next sentence.
  if (plain.slice(afterStart, afterEnd).trim() === "" && /[?!]$/.test(scene.text.slice(quote.start, quote.end).trim())) {
    afterEnd = sentences[index + 1]?.end ?? afterEnd;
  }
  const after = plain.slice(afterStart, afterEnd);
  const beforeText = plain.slice(sentence.start, Math.max(sentence.start, quote.start - 1));
  // Words after a quote attribute it only when the quote hands over to them: it ends on a
  // comma, "?" or "!", or opens its sentence. `"a big deal." Sims say ...` is a new clause.
  const inner = scene.text.slice(quote.start, quote.end).trim();
  const handsOver = /[,?!—–-]$/.test(inner) || /^\s*[,—–-]/.test(after) || beforeText.trim() === "";
  return { scene, quote, previous, index, sentence, afterStart, afterEnd, after, beforeText, handsOver };
}
