import type { NameMention } from "./name-mentions.js";

/** Who a quote is credited to, as the text writes it. */
export type SpeakerPhrase =
  | { kind: "name"; mention: NameMention }
  | { kind: "pronoun"; pronoun: string; at: number }
  | { kind: "nominal"; text: string; at: number; mention?: NameMention };

const PRONOUNS = /^(he|she|they|i|we|it)$/i;
const DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)(?:\\s+(?:night|morning|afternoon|evening))?";
const TIME_AFTER_SUBJECT = new RegExp(`\\s+(?:on\\s+${DAY}|${DAY}|last\\s+(?:week|month|year|night)|earlier\\s+(?:this|that)\\s+(?:week|month|year)|in\\s+\\d{4})\\s*$`, "u");
const SKIPPABLE = new Set(
  "also later then previously once simply only again repeatedly recently earlier has had have would will has later later added further flatly".split(" "),
);
const AUXILIARY_OR_ADVERB = /^(has|have|had|is|was|were|will|would|could|did|also|never|always|already|then|once|later|often|\p{Ll}+ly)$/u;
const DETERMINERS = /^(the|a|an|one|two|three|several|some|many|another|his|her|their|its|our)$/i;
const STOP_BACK = /^(and|but|or|that|which|who|because|when|while|as|if|so|than|to|of|in|on|at|for|with|by|from|about|after|before|since)$/i;

/**
 * The phrase that does the saying when it comes right before `end` in `text`:
 * "Kremlin spokesperson Dmitry Peskov", "he", "a senior official", "Jane Roe, an aide to the mayor,".
 */
export function subjectEndingAt(text: string, end: number, start: number, mentions: readonly NameMention[]): SpeakerPhrase | undefined {
  const head = withoutVerbGap(text.slice(start, end));
  const cut = start + head.length;
  const appositive = appositiveName(text, start, head, mentions);
  if (appositive) return { kind: "name", mention: appositive };
  const named = mentionEndingAt(text, cut, mentions);
  if (named) return { kind: "name", mention: named };
  return pronounOrNominalBefore(text, start, cut, mentions);
}

/** The text before a verb less what may stand between subject and verb: "Trump has also", "Rep. Gwen Moore (D-Wis.)", "Obama on Friday". */
function withoutVerbGap(text: string): string {
  let head = text;
  // Adverbs and auxiliaries: "Trump has also said".
  for (;;) {
    const match = /([\p{L}’']+)\s*$/u.exec(head);
    if (!match || !SKIPPABLE.has(match[1]!.toLowerCase())) break;
    head = head.slice(0, match.index);
  }
  // A party label or age: "Rep. Gwen Moore (D-Wis.) said".
  const parenthesis = /\s*\([^()]{1,40}\)\s*$/.exec(head);
  if (parenthesis) head = head.slice(0, parenthesis.index);
  // A time: "Obama on Friday declared", "Trump last week said".
  const time = TIME_AFTER_SUBJECT.exec(head);
  if (time) head = head.slice(0, time.index);
  return head;
}

/**
 * A name before an appositive of up to three comma-separated parts, between it and the verb:
 * "Jane Roe, a spokeswoman for the campaign, said", "Clinton, during a town hall in Columbus, Ohio, said".
 */
function appositiveName(text: string, start: number, head: string, mentions: readonly NameMention[]): NameMention | undefined {
  if (!/,\s*$/.test(head)) return undefined;
  let comma = head.replace(/,\s*$/, "").length;
  for (let parts = 0; parts < 3; parts++) {
    comma = head.lastIndexOf(",", comma - 1);
    if (comma < 0 || head.length - comma > 160) return undefined;
    const named = mentionEndingAt(text, start + comma, mentions);
    if (named) return named;
  }
  return undefined;
}

/** "he" right before the verb, a name after its role and before adverbs, or a nominal subject: "a senior official". */
function pronounOrNominalBefore(text: string, start: number, cut: number, mentions: readonly NameMention[]): SpeakerPhrase | undefined {
  const head = text.slice(start, cut);
  const words = [...head.matchAll(/[\p{L}\p{N}’'.-]+/gu)];
  const last = words[words.length - 1];
  if (!last || text.slice(start + last.index + last[0].length, cut).trim() !== "") return undefined;
  if (PRONOUNS.test(last[0])) return { kind: "pronoun", pronoun: last[0].toLowerCase(), at: start + last.index };
  const from = start + words[nominalStart(head, words)]!.index;
  const phrase = text.slice(from, cut).trim();
  if (!/[\p{L}]/u.test(phrase) || /^(is|was|has|had|it|this|that)$/i.test(phrase)) return undefined;
  const name = nameBeforeAdverbs(text, from, cut, mentions);
  if (name) return { kind: "name", mention: name };
  if (/\b(who|which|that)$/i.test(phrase)) return undefined;
  const inside = mentions.find((m) => m.start >= from && m.end <= cut);
  return { kind: "nominal", text: phrase.replace(/^(the|a|an)\s+/i, ""), at: from, ...(inside ? { mention: inside } : {}) };
}

/** The first word of a nominal subject: walk back from the last word to a determiner or a clause boundary, at most seven words. */
function nominalStart(head: string, words: readonly RegExpExecArray[]): number {
  let first = words.length - 1;
  while (first > 0 && words.length - first < 7) {
    const word = words[first - 1]![0];
    const gap = head.slice(words[first - 1]!.index + word.length, words[first]!.index);
    if (/[,;:()]/.test(gap) || STOP_BACK.test(word)) break;
    first--;
    if (DETERMINERS.test(word)) break;
  }
  return first;
}

/**
 * "Brafman had basically said": a name followed only by auxiliaries and adverbs is the subject,
 * with any role written before it: "the Democratic candidate Hillary Clinton boldly said".
 */
function nameBeforeAdverbs(text: string, from: number, cut: number, mentions: readonly NameMention[]): NameMention | undefined {
  const lastName = mentions.filter((m) => m.start >= from && m.end <= cut).pop();
  if (!lastName) return undefined;
  const lead = text.slice(from, lastName.start).trim().replace(/^(?:the|a|an)\s+/i, "");
  if (lead !== "" && lead !== lastName.role) return undefined;
  const tail = text.slice(lastName.end, cut).trim();
  return tail.split(/\s+/).every((w) => w === "" || AUXILIARY_OR_ADVERB.test(w)) ? lastName : undefined;
}

/** The phrase that does the saying when it comes right after a verb: `said Dmitry Peskov`, `said a spokesman`. */
export function subjectStartingAt(text: string, start: number, end: number, mentions: readonly NameMention[]): SpeakerPhrase | undefined {
  const rest = text.slice(start, end);
  const lead = rest.length - rest.trimStart().length;
  const from = start + lead;
  let named = mentions.find((m) => m.start >= from && m.start <= from + 45 && !/[,;:.]/.test(text.slice(from, m.start)));
  // "said Kremlin spokesman Pavel Orlov": the first capitalised word is part of the role of the name after it.
  const next = named && mentions.find((m) => m.start > named!.end && m.start <= named!.end + 40 && !/[,;:.]/.test(text.slice(named!.end, m.start)));
  const gap = named && next ? text.slice(named.end, next.start) : "";
  if (named && next && (next.role?.includes(named.name) || (next.name.includes(" ") && /^\s+[\p{Ll}\s-]+$/u.test(gap) && !/\b(for|of|to|with|at|from|and|in|on|by)\b/.test(gap)))) named = next;
  // "said a senior Turkish official": a name followed by a lower-case noun only describes the speaker.
  const describes = named !== undefined && /^\s+\p{Ll}/u.test(text.slice(named.end, named.end + 3)) && !/^\s+(said|says|told|added|wrote|who|whose|of|in|on|at|during|from|to|for|with|after|before|and|as|via|while|when|last|this|earlier|later|recently|about|told)\b/.test(text.slice(named.end));
  const first = /^[\p{L}’']+/u.exec(rest.trimStart())?.[0] ?? "";
  if (PRONOUNS.test(first)) return { kind: "pronoun", pronoun: first.toLowerCase(), at: from };
  if (named && !describes && (named.start === from || DETERMINERS.test(first) || /^\p{Ll}/u.test(first))) {
    if (named.start === from) return { kind: "name", mention: named };
    // "said Trump campaign manager Kellyanne Conway" vs "said a spokesman for Trump": the name is the speaker only in the first.
    if (!/\b(for|of|to|with|at|from)\s+(the\s+)?$/i.test(text.slice(from, named.start))) return { kind: "name", mention: named };
  }
  const phrase = /^[^,;:.!?“”"]{1,60}/u.exec(rest.trimStart())?.[0]?.trim();
  if (!phrase || !DETERMINERS.test(first)) return named && !describes ? { kind: "name", mention: named } : undefined;
  const inside = mentions.find((m) => m.start >= from && m.end <= from + phrase.length);
  return { kind: "nominal", text: phrase.replace(/^(the|a|an)\s+/i, ""), at: from, ...(inside ? { mention: inside } : {}) };
}

function mentionEndingAt(text: string, end: number, mentions: readonly NameMention[]): NameMention | undefined {
  // The comma closing an appositive name counts as its end: "the spokesman, Josh Earnest, said".
  return mentions.find((m) => m.end <= end && text.slice(m.end, end).trim().replace(/^(?:[’']s?|,)$/, "") === "" && end - m.end < 4);
}
