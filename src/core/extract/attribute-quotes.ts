import { blankSpans } from "./blank-quotes.js";
import { embeddedPostSpans } from "./embedded-posts.js";
import { type NameMention, nameMentions } from "./name-mentions.js";
import { framedAsTheirWords } from "./put-it-speaker.js";
import { withDoubledApostrophesAsMarks } from "./quote-marks.js";
import { canBeQuote, looksLikeQuote } from "./quote-filter.js";
import { type Found, type Scene, SPEECH_VERB, sentenceSubject, usable } from "./quote-scene.js";
import { type QuotedSpan, quotedSpans } from "./quoted-spans.js";
import { sentenceSpans } from "./sentences.js";
import type { Span } from "./spans.js";
import { speakerAfter } from "./speaker-after-quote.js";
import { type SpeakerPhrase, subjectEndingAt, subjectStartingAt } from "./speaker-phrases.js";
import { FINITE_VERB, PARTICIPLES } from "./speech-verbs.js";
import { standingAlone } from "./standalone-quote-speaker.js";

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

/** Rules that read the attribution written next to the quote, as opposed to guessing from context. */
const STRONG_RULES = new Set(["as X put it", "said X", "X said", "he adds", "X verbs", "― X", "according to", "transcript", "..., said X"]);

/** Rules that found a speech verb for the quote, only further away. */
const WEAK_BUT_FRAMED = new Set(["X said: ", "X ..., saying", "X's claim", "later verb"]);

/** `Trump's claim that "..."`: a name owning a word for something said. */
const SPEECH_NOUN = /(?:^|\s)([\p{Lu}][\p{L}’'.-]*(?:\s+[\p{Lu}][\p{L}’'.-]*)*)[’']s?\s+(?:\p{Ll}+\s+)?(?:claim|claims|statement|remark|remarks|comment|comments|words|promise|pledge|tweet|assertion|argument|message|description|warning|vow|insistence|question|response|answer|slogan|call)\b[^“”"]{0,60}$/u;

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

function speakerFor(scene: Scene, quote: QuotedSpan, previous: FoundQuote | undefined): Found | undefined {
  const { plain, mentions, sentences } = scene;
  // A transcript line: "PENCE: Well, look, ..."
  const label = /^([\p{Lu}][\p{Lu}.’' -]{1,40}):\s/u.exec(scene.text.slice(quote.start, quote.end));
  if (label && !/^(Q|A|UPDATE|EDITOR|NOTE|VIDEO|PHOTO)$/.test(label[1]!.trim())) {
    const name = label[1]!.trim().toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
    return { speaker: { kind: "name", mention: { start: quote.start, end: quote.start + label[1]!.length, name } }, rule: "transcript" };
  }
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
  const framed = framedAsTheirWords(scene, sentence.start, beforeText, afterStart, after);
  if (framed) return framed;
  const fromAfter = handsOver ? speakerAfter(scene, afterStart, afterEnd, after) : undefined;
  if (fromAfter) return fromAfter;

  // `Republican pollster Daron Shaw: "..."`, `- Pew Research: "..."`
  const colon = /:\s*$/.exec(beforeText);
  if (colon) {
    const named = mentions.find((m) => m.end <= sentence.start + colon.index && plain.slice(m.end, sentence.start + colon.index).trim() === "");
    // Only a name that heads its clause; in `Trump told Fox News: "..."` the name is the verb's object.
    const lead = named ? plain.slice(sentence.start, named.start) : "";
    if (named && (!/\p{Ll}/u.test(lead) || /(?:[-–—]|\bfrom)\s*$/u.test(lead))) return { speaker: { kind: "name", mention: named }, rule: "X: " };
  }
  const according = /according\s+to\s+([^,]+)/i.exec(beforeText);
  if (according) {
    const speaker = subjectStartingAt(plain, sentence.start + according.index + "according to ".length, quote.start, mentions);
    if (speaker) return { speaker, rule: "according to" };
  }
  // `Trump's claim that there have been "..."`
  const noun = SPEECH_NOUN.exec(beforeText);
  if (noun) {
    const at = sentence.start + noun.index + noun[0].indexOf(noun[1]!);
    const named = mentions.find((m) => m.start === at);
    if (named) return { speaker: { kind: "name", mention: named }, rule: "X's claim" };
  }
  // `X said: "..."`, `X told CNN, "..."`, `X said the plan was "..."`: the nearest speech verb before the quote with a subject.
  const verbs = [...beforeText.matchAll(SPEECH_VERB)].reverse();
  for (const verb of verbs) {
    const verbAt = sentence.start + verb.index;
    const joined = /\b(and|but|or|then)\s+(?:\p{Ll}+ly\s+)?$/iu.test(plain.slice(sentence.start, verbAt));
    if (PARTICIPLES.has(verb[0].toLowerCase()) || joined) {
      const subject = sentenceSubject(scene, sentence.start, verbAt);
      if (subject) return { speaker: subject, rule: "X ..., saying" };
      continue;
    }
    const speaker = usable(subjectEndingAt(plain, verbAt, sentence.start, mentions));
    if (speaker) return { speaker, rule: "X said: " };
  }
  const later = new RegExp(`\\b(?:${FINITE_VERB})\\b`, "iu").exec(after);
  if (later) {
    const speaker = usable(subjectEndingAt(plain, afterStart + later.index, afterStart, mentions));
    if (speaker) return { speaker, rule: "later verb" };
  }
  if (previous?.speaker && sentenceOf(scene, previous.segments[0]!.start) === index) return { speaker: previous.speaker, rule: "same sentence" };
  if (/\p{L}{2,}\s+\p{L}{2,}/u.test(beforeText)) {
    const subject = sentenceSubject(scene, sentence.start, quote.start);
    if (subject) return { speaker: subject, rule: "sentence subject" };
  }
  return standingAlone(scene, quote, index, previous);
}
