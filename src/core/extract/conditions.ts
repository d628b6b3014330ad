import type { QuoteAnalysis } from "./attribute-quotes.js";
import type { Firmness } from "../schema.js";
import type { ResolvedSpeaker } from "./resolve-speakers.js";
import type { SpeakerPhrase } from "./speaker-phrases.js";
import type { NameMention } from "./name-mentions.js";
import { wordCount } from "./quoted-spans.js";

/** One condition a side sets, on its own, in the article's wording. */
export interface FoundCondition {
  holder?: ResolvedSpeaker;
  /** Words that may name the side: the holder's role, the sentence's subject. */
  partyHint: string;
  text: string;
  firmness: Firmness;
  at: number;
}

const CUE = /\b(conditions?|demands?|insists?\s+on|insisted\s+on|only\s+if|only\s+under|only\s+on|on\s+condition\s+that|provided\s+that|preconditions?|non-negotiable|red\s+lines?|must)\b/i;
const ITEM_PATTERNS: RegExp[] = [
  /\b(?:conditions?|demands?|these|they|which)\s+(?:include|includes|included|are|were)\s*:?\s+(.+)$/i,
  /\bconditions?\s*:\s*(.+)$/i,
  /\binsist(?:s|ed)?\s+on\s+(.+?)(?:\s+as\s+(?:a|an|its|his|her|their)\s+[\p{L}-]+\s+(?:condition|demand).*)?$/iu,
  /\bdemand(?:s|ed)?\s+(?:that\s+)?(.+)$/i,
  /\b(?:only\s+if|on\s+condition\s+that|provided\s+that)\s+(.+)$/i,
];
const RANK: Record<Firmness, number> = { stated: 0, firm: 1, "non-negotiable": 2 };

/**
 * Conditions: a sentence that sets terms ("insists on", "only if", "conditions include")
 * gives one condition per listed item; its firmness comes from the sentence and the one
 * before it ("only under certain conditions. These include ..."). Repeats of one condition merge.
 */
export function findConditions(
  analysis: QuoteAnalysis,
  resolve: (phrase: SpeakerPhrase) => ResolvedSpeaker | undefined,
): FoundCondition[] {
  const { plain, sentences, mentions } = analysis;
  const found: FoundCondition[] = [];
  let lastHolder: { holder?: ResolvedSpeaker; hint: string } | undefined;
  sentences.forEach((sentence, index) => {
    const body = plain.slice(sentence.start, sentence.end).replace(/\s+/g, " ").trim();
    const previous = sentences[index - 1];
    const context = previous ? plain.slice(previous.start, previous.end) : "";
    // "... only under certain conditions. These include A and B."
    const listing = /^(these|they|which|those)\s+(include|are|were)\b/i.test(body) && CUE.test(context);
    if (!CUE.test(body) && !listing) return;
    const subject = listing ? undefined : subjectOf(sentence.start, sentence.end, mentions, plain);
    const resolved = subject ? resolve(subject) : undefined;
    // A country as subject ("Russia insists on ...") names the side, not a holder.
    const holder = resolved?.kind === "person" && !resolved.person.isPerson ? undefined : resolved;
    const subjectName = subject?.kind === "name" ? subject.mention.name : subject?.kind === "nominal" ? subject.text : "";
    const hint = holder?.kind === "person" ? `${holder.person.role ?? ""} ${holder.person.name}` : holder?.kind === "described" ? holder.description : subjectName;
    if (holder || hint) lastHolder = { ...(holder ? { holder } : {}), hint };
    const items = itemsOf(body);
    const firmness = firmnessOf(body, /^(these|they|which)\b/i.test(body) ? context : "");
    for (const item of items) {
      const owner = listing ? lastHolder?.holder : holder;
      const partyHint = listing ? (lastHolder?.hint ?? "") : hint;
      found.push({ ...(owner ? { holder: owner } : {}), partyHint, text: item, firmness, at: sentence.start });
    }
  });
  return mergeRepeats(found);
}

function subjectOf(start: number, end: number, mentions: readonly NameMention[], plain: string): SpeakerPhrase | undefined {
  const first = mentions.find((m) => m.start >= start && m.start < end);
  const pronoun = /\b(he|she)\b/i.exec(plain.slice(start, first ? first.start : end));
  if (pronoun) return { kind: "pronoun", pronoun: pronoun[1]!.toLowerCase(), at: start + pronoun.index };
  return first ? { kind: "name", mention: first } : undefined;
}

/** "X said Ukraine's control of its ports is non-negotiable": the thing declared non-negotiable is the item. */
const DECLARED = /\b(?:said|says|insisted|insists|added|stressed|made\s+clear)\s+(?:that\s+)?(.+?)\s+(?:is|are|remains?|was|were)\s+(?:a\s+|an\s+)?(?:non-negotiable|red\s+line|precondition)/i;

function itemsOf(body: string): string[] {
  const declared = DECLARED.exec(body);
  if (declared) return [tidy(declared[1]!)];
  for (const pattern of ITEM_PATTERNS) {
    const match = pattern.exec(body);
    if (match) return splitList(match[1]!);
  }
  const must = /\b((?:[\p{Lu}][\p{L}’'-]*\s+)*[\p{Lu}][\p{L}’'-]*\s+must\s+[^,;.]+)/u.exec(body);
  return must ? [tidy(must[1]!)] : [];
}

/** "A, B and the C" → three items; a single "and" inside an item's own phrase stays when no article follows it. */
function splitList(list: string): string[] {
  return list
    .replace(/[.;]+$/, "")
    .split(/;|,\s*(?:and\s+|or\s+)?(?=(?:the|a|an|its|their|his|her|\p{Lu})\b)|\s+and\s+(?=(?:the|a|an|its|their|his|her)\s|\p{Lu})/u)
    .map(tidy)
    .filter((item) => wordCount(item) >= 2);
}

function tidy(text: string): string {
  return text.replace(/\s+/g, " ").replace(/^(that|to)\s+/i, "").replace(/[\s,.;:]+$/, "").trim();
}

function firmnessOf(sentence: string, context: string): Firmness {
  const text = `${context} ${sentence}`;
  if (/non-negotiable|not negotiable|red lines?|under no circumstances|will never accept/i.test(sentence)) return "non-negotiable";
  if (/\b(insist|insists|insisted|firm|demands?|demanded|must|only\s+if|only\s+under|only\s+on|preconditions?|requires?)\b/i.test(text)) return "firm";
  return "stated";
}

/** Later sentences often restate a condition more firmly; keep the first wording and the firmest firmness. */
function mergeRepeats(conditions: FoundCondition[]): FoundCondition[] {
  const kept: FoundCondition[] = [];
  for (const condition of conditions) {
    const same = kept.find((k) => holderName(k) === holderName(condition) && sharesKeyWord(k.text, condition.text));
    if (!same) kept.push(condition);
    else if (RANK[condition.firmness] > RANK[same.firmness]) same.firmness = condition.firmness;
  }
  return kept;
}

function holderName(c: FoundCondition): string {
  if (!c.holder) return "";
  return c.holder.kind === "person" ? c.holder.person.name : c.holder.description;
}

/** Same condition when both name one acronym (NATO) or share two longer content words. */
function sharesKeyWord(a: string, b: string): boolean {
  const acronyms = (t: string) => new Set(t.match(/\b\p{Lu}{2,}\b/gu) ?? []);
  const words = (t: string) => new Set((t.toLowerCase().match(/\p{L}{6,}/gu) ?? []));
  const acronymsA = acronyms(a);
  if ([...acronyms(b)].some((w) => acronymsA.has(w))) return true;
  const wordsA = words(a);
  return [...words(b)].filter((w) => wordsA.has(w)).length >= 2;
}
