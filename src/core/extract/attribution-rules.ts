import type { FoundQuote } from "./attribute-quotes.js";
import { framedAsTheirWords } from "./put-it-speaker.js";
import { type Found, SPEECH_VERB, type Scene, sentenceSubject, usable } from "./quote-scene.js";
import type { QuotedSpan } from "./quoted-spans.js";
import type { Span } from "./spans.js";
import { speakerAfter } from "./speaker-after-quote.js";
import { subjectEndingAt, subjectStartingAt } from "./speaker-phrases.js";
import { FINITE_VERB, PARTICIPLES } from "./speech-verbs.js";
import { standingAlone } from "./standalone-quote-speaker.js";

/** Everything a rule may look at about one quotation and the sentence around it. */
export interface QuoteSite {
  scene: Scene;
  quote: QuotedSpan;
  previous: FoundQuote | undefined;
  /** Index of the quote's sentence in scene.sentences. */
  index: number;
  sentence: Span;
  afterStart: number;
  afterEnd: number;
  /** The rest of the sentence after the quote, quotations blanked. */
  after: string;
  /** The sentence before the quote, quotations blanked. */
  beforeText: string;
  /** The quote hands over to the words after it: it ends on a comma, "?" or "!", or opens its sentence. */
  handsOver: boolean;
}

/**
 * How sure a rule is. "strong": it reads the attribution written next to the quote;
 * "framed": a speech verb frames the quote, only further away; "weak": a guess from
 * context. A quote that only a weak rule credits must still look like a quote to be kept.
 */
export type RuleStrength = "strong" | "framed" | "weak";

export interface AttributionRule {
  name: string;
  strength: RuleStrength;
  matcher: (site: QuoteSite) => Found | undefined;
  /** Finer rule names the matcher reports (a group of related patterns), each with its strength. */
  reports?: Record<string, RuleStrength>;
}

/** `Trump's claim that "..."`: a name owning a word for something said. */
const SPEECH_NOUN = /(?:^|\s)([\p{Lu}][\p{L}’'.-]*(?:\s+[\p{Lu}][\p{L}’'.-]*)*)[’']s?\s+(?:\p{Ll}+\s+)?(?:claim|claims|statement|remark|remarks|comment|comments|words|promise|pledge|tweet|assertion|argument|message|description|warning|vow|insistence|question|response|answer|slogan|call)\b[^“”"]{0,60}$/u;

/**
 * The attribution rules, in precedence order: the first that credits a speaker wins.
 * (A transcript label, `"PENCE: ..."`, is read before these, when the quote is found.)
 */
export const ATTRIBUTION_RULES: readonly AttributionRule[] = [
  { name: "as X put it", strength: "strong", matcher: (s) => framedAsTheirWords(s.scene, s.sentence.start, s.beforeText, s.afterStart, s.after) },
  {
    name: "after the quote",
    strength: "strong",
    reports: { "― X": "strong", "according to": "strong", "said X": "strong", "X said": "strong", "..., said X": "strong", "he adds": "strong", "X verbs": "strong" },
    matcher: (s) => (s.handsOver ? speakerAfter(s.scene, s.afterStart, s.afterEnd, s.after) : undefined),
  },
  {
    // `Republican pollster Daron Shaw: "..."`, `- Pew Research: "..."`
    name: "X: ",
    strength: "weak",
    matcher: ({ scene, sentence, beforeText }) => {
      const colon = /:\s*$/.exec(beforeText);
      if (!colon) return undefined;
      const { plain, mentions } = scene;
      const named = mentions.find((m) => m.end <= sentence.start + colon.index && plain.slice(m.end, sentence.start + colon.index).trim() === "");
      // Only a name that heads its clause; in `Trump told Fox News: "..."` the name is the verb's object.
      const lead = named ? plain.slice(sentence.start, named.start) : "";
      return named && (!/\p{Ll}/u.test(lead) || /(?:[-–—]|\bfrom)\s*$/u.test(lead)) ? { speaker: { kind: "name", mention: named }, rule: "X: " } : undefined;
    },
  },
  {
    name: "according to",
    strength: "strong",
    matcher: ({ scene, sentence, beforeText, quote }) => {
      const according = /according\s+to\s+([^,]+)/i.exec(beforeText);
      if (!according) return undefined;
      const speaker = subjectStartingAt(scene.plain, sentence.start + according.index + "according to ".length, quote.start, scene.mentions);
      return speaker && { speaker, rule: "according to" };
    },
  },
  {
    // `Trump's claim that there have been "..."`
    name: "X's claim",
    strength: "framed",
    matcher: ({ scene, sentence, beforeText }) => {
      const noun = SPEECH_NOUN.exec(beforeText);
      if (!noun) return undefined;
      const at = sentence.start + noun.index + noun[0].indexOf(noun[1]!);
      const named = scene.mentions.find((m) => m.start === at);
      return named && { speaker: { kind: "name", mention: named }, rule: "X's claim" };
    },
  },
  {
    // `X said: "..."`, `X told CNN, "..."`, `X said the plan was "..."`: the nearest speech verb before the quote with a subject.
    name: "X said: ",
    strength: "framed",
    reports: { "X ..., saying": "framed" },
    matcher: (site) => {
      const { scene, sentence, beforeText } = site;
      const { plain, mentions } = scene;
      for (const verb of [...beforeText.matchAll(SPEECH_VERB)].reverse()) {
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
      return undefined;
    },
  },
  {
    name: "later verb",
    strength: "framed",
    matcher: ({ scene, after, afterStart }) => {
      const later = new RegExp(`\\b(?:${FINITE_VERB})\\b`, "iu").exec(after);
      const speaker = later ? usable(subjectEndingAt(scene.plain, afterStart + later.index, afterStart, scene.mentions)) : undefined;
      return speaker && { speaker, rule: "later verb" };
    },
  },
  {
    name: "same sentence",
    strength: "weak",
    matcher: ({ scene, previous, index }) => {
      const first = previous?.segments[0];
      if (!previous?.speaker || !first) return undefined;
      return scene.sentences.findIndex((s) => s.start <= first.start && first.start < s.end) === index ? { speaker: previous.speaker, rule: "same sentence" } : undefined;
    },
  },
  {
    name: "sentence subject",
    strength: "weak",
    matcher: ({ scene, sentence, quote, beforeText }) => {
      if (!/\p{L}{2,}\s+\p{L}{2,}/u.test(beforeText)) return undefined;
      const subject = sentenceSubject(scene, sentence.start, quote.start);
      return subject && { speaker: subject, rule: "sentence subject" };
    },
  },
  {
    name: "standing alone",
    strength: "weak",
    reports: { "X said: (sentence before)": "weak", continues: "weak", "X said. (sentence before)": "weak", "subject of sentence before": "weak" },
    matcher: ({ scene, quote, index, previous }) => standingAlone(scene, quote, index, previous),
  },
];

/** The strength of every rule name a matcher may report, the transcript label included. */
export const RULE_STRENGTH: Readonly<Record<string, RuleStrength>> = Object.fromEntries([
  ["transcript", "strong"],
  ...ATTRIBUTION_RULES.flatMap((rule) => [[rule.name, rule.strength] as const, ...Object.entries(rule.reports ?? {})]),
]);

export function rulesOf(strength: RuleStrength): Set<string> {
  return new Set(Object.entries(RULE_STRENGTH).filter(([, s]) => s === strength).map(([name]) => name));
}
