import type { NameMention } from "./name-mentions.js";
import type { Span } from "./spans.js";
import type { SpeakerPhrase } from "./speaker-phrases.js";
import { ANY_SPEECH_VERB, FINITE_VERB } from "./speech-verbs.js";

/** A speaker found for a quote, with the rule that found it (for reading errors). */
export interface Found {
  speaker: SpeakerPhrase;
  rule: string;
}

/** Everything about one text the attribution rules look at. */
export interface Scene {
  text: string;
  /** The text with every quotation's inside blanked, so no rule reads a speaker out of quoted words. */
  plain: string;
  sentences: Span[];
  mentions: NameMention[];
}

/** `Trump said`, `Trump has also told reporters`: a subject, then a speech verb. */
export const NAME_THEN_VERB = new RegExp(`^[\\s,—–-]*([^!?;:“”"]{1,160}?)\\s+(${FINITE_VERB})\\b`, "iu");
export const SPEECH_VERB = new RegExp(`(?<![\\p{L}-])(?:${ANY_SPEECH_VERB})\\b`, "giu");

/** Drops "subjects" that are only a conjunction or a stray word, which come from a verb far from its subject. */
export function usable(phrase: SpeakerPhrase | undefined): SpeakerPhrase | undefined {
  if (!phrase || phrase.kind !== "nominal") return phrase;
  const first = phrase.text.split(/\s+/)[0]?.toLowerCase() ?? "";
  const last = phrase.text.split(/\s+/).pop()?.toLowerCase() ?? "";
  if (/^(and|but|or|that|which|because|then|so|while|when|if|as|than|also|not|to|in|of|on|for|with|after|before|following)$/.test(first)) return undefined;
  if (/^(and|but|or|that|which|to|of|the|a|an)$/.test(last)) return undefined;
  // A bare lower-case word is a noun read as a verb's subject by mistake ("late-night tweets").
  if (!/^(the|a|an|one|two|three|several|some|many|another|his|her|their|its|our)\b/i.test(phrase.text) && !phrase.mention && /^\p{Ll}/u.test(phrase.text) && !/^(officials|sources|aides|critics|supporters|analysts|experts|democrats|republicans|voters|protesters|observers|organizers)\b/.test(phrase.text)) return undefined;
  if (/^(he|she|they|it|who)\b/i.test(phrase.text)) return undefined;
  // A subject holds no finite verb: "Rubio has broken many" is a clause, not a speaker.
  if (/\b(has|have|had|is|was|are|were|will|would|did|does)\b/i.test(phrase.text)) return undefined;
  return phrase;
}

/** The grammatical subject of a sentence: its first name or pronoun after any opening phrase. */
export function sentenceSubject(scene: Scene, start: number, end: number): SpeakerPhrase | undefined {
  const clause = scene.plain.slice(start, end);
  const opener = /^(?:[^,]{0,15}\b)?(?:in|at|on|during|after|before|asked|speaking|when|while|with|from|later|earlier|as|for|despite|since|addressing|responding|writing|following|amid|under|by|among|like|unlike|to|of|if|once|until|through)\b[^,]{0,100},\s*/i.exec(clause);
  const from = start + (opener ? opener[0].length : 0);
  const inClause = scene.mentions.filter((m) => m.start >= from && m.start < end);
  // Openers can run over several commas ("Speaking in Salem, New Hampshire, Trump went ..."):
  // the subject is the first name that a verb follows, not one governed by a preposition.
  const first = inClause.find((m) => headsClause(scene.plain, m)) ?? inClause[0];
  const pronoun = /\b(he|she|they|we|i)\b/i.exec(scene.plain.slice(from, first ? first.start : end));
  if (pronoun) return { kind: "pronoun", pronoun: pronoun[1]!.toLowerCase(), at: from + pronoun.index };
  return first ? { kind: "name", mention: first } : undefined;
}

const GOVERNED = /\b(?:the|a|an|of|in|at|on|to|from|for|with|by|into|near|about|across|outside|inside|over)\s+$/i;
const NOT_A_VERB = /^(?:of|in|at|on|for|with|and|or|but|so|to|from|by|the|a|an|who|which|that|whose|as|than|is|was|during|after|before|since|until|under|about|against|over|through|into|when|while|where|if|because|although|though|amid|like|near|per|via)\b/;

function headsClause(plain: string, mention: { start: number; end: number }): boolean {
  if (GOVERNED.test(plain.slice(Math.max(0, mention.start - 12), mention.start))) return false;
  // An appositive may stand between the name and its verb: "Clinton, the former secretary of State, stressed".
  const rest = plain.slice(mention.end, mention.end + 120).replace(/^,\s*[\p{Ll}\p{N}][^,;:.]{0,80},/u, "");
  const verb = /^\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)/u.exec(rest);
  return verb !== null && !NOT_A_VERB.test(verb[1]!);
}
