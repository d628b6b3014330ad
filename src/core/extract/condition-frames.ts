import type { Firmness } from "../schema.js";

/**
 * How a sentence sets terms. The first frame that matches a sentence wins, so the table's
 * order is the precedence: a thing declared non-negotiable before "X will not … unless Y",
 * before a bare "unless", before "must". `item` is the demanded thing; `negate` turns
 * "will never accept foreign troops" into the condition "no foreign troops".
 */
export interface ConditionFrame {
  name: string;
  pattern: RegExp;
  /** The frame's own firmness; without it, the firmness cues of the sentence decide. */
  firmness?: Firmness;
  negate?: boolean;
  /** The item reads as a list ("conditions include A, B and C"): one condition per member. */
  list?: boolean;
  /** Too loose inside a direct quote, where "we must …" and "he wants to see people stop dying" are talk, not terms. */
  notInQuotes?: boolean;
}

const ITEM = "(?<item>.+)$";

export const CONDITION_FRAMES: readonly ConditionFrame[] = [
  { name: "conditions: first …, second …", pattern: new RegExp(`\\b(?:conditions?|demands?|preconditions?|terms|requirements)\\b[^:]{0,80}:\\s*${ITEM}`, "iu"), list: true },
  { name: "conditions include", pattern: new RegExp(`\\b(?:(?:conditions?|demands?|preconditions?|terms|requirements)\\s+(?:include|includes|included|are|were)|(?:these|they|which)\\s+(?:include|includes|included))\\s*:?\\s+${ITEM}`, "iu"), list: true },
  { name: "X is non-negotiable", pattern: /^(?:.*?\b(?:said|says|say|insisted|insists|added|stressed|repeated|made\s+clear|declared|warned|told\s+\S+(?:\s+\S+)?)\s+(?:that\s+)?)?(?<item>[^,;:]{3,200}?)\s+(?:is|are|remains?|was|were)\s+(?:still\s+)?(?:a\s+|an\s+|its\s+|their\s+|our\s+|his\s+|her\s+)?(?:non-negotiable|not\s+negotiable|(?:\p{L}+\s+)?red\s+line)/iu, firmness: "non-negotiable" },
  { name: "red line is X", pattern: new RegExp(`\\bred\\s+lines?\\s+(?:is|are|was|were|remains?)\\s*:?\\s*${ITEM}`, "iu"), firmness: "non-negotiable" },
  { name: "will never accept X", pattern: new RegExp(`\\b(?:will|would|could|can)\\s+never\\s+(?:accept|allow|tolerate|agree\\s+to|permit)\\s+${ITEM}`, "iu"), firmness: "non-negotiable", negate: true },
  { name: "under no circumstances", pattern: new RegExp(`\\bunder\\s+no\\s+circumstances\\s+(?:will|would|could|can)\\s+\\S+\\s+(?:accept|allow|tolerate|agree\\s+to|permit)\\s+${ITEM}`, "iu"), firmness: "non-negotiable", negate: true },
  { name: "will not … unless", pattern: new RegExp(`\\b(?:will|would|could|can|does|do|did)\\s*(?:not|n[’']t|never)\\s+[^;]{1,100}?\\s+unless\\s+${ITEM}`, "iu"), firmness: "firm" },
  // Not "will not rest until …": resolve, not a term.
  { name: "refuses … until", pattern: new RegExp(`\\b(?:refus(?:es|ed|e|ing)|will\\s+not|won[’']t|would\\s+not|cannot|can[’']t|could\\s+not|couldn[’']t)\\s+(?!(?:rest|stop|relent|sleep|give\\s+up|let\\s+up)\\b)[^;]{1,100}?\\s+until\\s+${ITEM}`, "iu"), firmness: "firm" },
  // "would only consider talks if …": the terms follow the thing done only on them.
  { name: "only if", pattern: new RegExp(`\\bonly\\s+(?:(?:consider|accept|agree\\s+to|join|sign|attend|resume|enter|hold|negotiate|return\\s+to|take\\s+part\\s+in|endorse|recogni[sz]e|allow|lift|release|withdraw|talk|meet)\\s+(?:[\\p{L}’'-]+\\s+){0,4}?)?(?:if|when|once|after|on\\s+condition\\s+that)\\s+${ITEM}`, "iu"), firmness: "firm" },
  { name: "on condition that", pattern: new RegExp(`\\b(?:on\\s+(?:the\\s+)?condition\\s+that|provided\\s+that|as\\s+long\\s+as)\\s+${ITEM}`, "iu"), firmness: "firm" },
  { name: "ultimatum", pattern: new RegExp(`\\bultimatum\\b[^:;]*?(?::|\\bto\\b|\\bthat\\b|\\bdemanding\\b)\\s*${ITEM}`, "iu"), firmness: "firm" },
  { name: "precondition", pattern: new RegExp(`\\b(?:a|as\\s+a|the)\\s+precondition\\s+(?:for|of|to)\\s+[^,;]{1,60}?(?:,|\\bis\\b|\\bwas\\b)\\s*${ITEM}`, "iu"), firmness: "firm" },
  { name: "insists on", pattern: new RegExp(`\\binsist(?:s|ed|ing)?\\s+(?:on|that)\\s+${ITEM}`, "iu"), firmness: "firm" },
  { name: "demands", pattern: new RegExp(`(?<!\\b(?:her|his|its|their|the|our|these|those|of|your|my|new|main|key|a|an|one|two|three|four|five|several|any|no|such|this|that|each|every|other|last|drop|dropped|drops)\\s)\\b(?:demand(?:s|ed|ing)?|renewed\\s+(?:its|his|her|their)\\s+demand\\s+for|repeated\\s+(?:its|his|her|their)\\s+demand\\s+for)\\s+(?:that\\s+)?(?!from\\b|of\\b|by\\b|to\\b|were\\b|was\\b|is\\b|are\\b|and\\b)${ITEM}`, "iu"), firmness: "firm" },
  { name: "requires", pattern: new RegExp(`\\brequir(?:es|ed|e)\\s+(?:that\\s+)?${ITEM}`, "iu"), firmness: "firm" },
  { name: "X must Y", pattern: /(?:^|,\s*|\b(?:that|said|says|told\s+\S+|insisted|insists|warned|added)\s+|:\s*)(?<item>(?:(?!\b(?:said|says|told|that)\b)[^,;:])*?\bmust\s+[^,;]+)/u, firmness: "firm", notInQuotes: true },
  { name: "only under", pattern: /(?:^|,\s*|\b(?:that|said|says|told\s+\S+|insisted|insists|warned|added)\s+|:\s*)(?<item>[^,;:]*?\bonly\s+(?:be\s+\p{Ll}+\s+)?(?:under|with|within|through)\s+[^;]+)/u, firmness: "firm" },
  { name: "unless", pattern: new RegExp(`\\bunless\\s+${ITEM}`, "iu"), firmness: "firm" },
  { name: "calls for", pattern: new RegExp(`\\bcall(?:s|ed|ing)?\\s+for\\s+${ITEM}`, "iu"), firmness: "stated" },
  { name: "wants", pattern: new RegExp(`\\b(?:wants?|wanted)\\s+(?!to\\b)${ITEM}`, "iu"), firmness: "stated" },
  { name: "wants to see", pattern: new RegExp(`\\b(?:wants?|wanted|would\\s+like|needs?|needed)\\s+to\\s+see\\s+${ITEM}`, "iu"), firmness: "stated", notInQuotes: true },
];

/** Words that say how firm a condition is; the firmest found in the sentence wins. */
export const FIRMNESS_CUES: readonly [RegExp, Firmness][] = [
  [/\b(?:non-negotiable|not\s+negotiable|red\s+lines?|under\s+no\s+circumstances|never)\b/i, "non-negotiable"],
  [/\b(?:must|insists?|insisted|insisting|demands?|demanded|demanding|requires?|required|only\s+(?:if|when|once|after|under|on)|unless|until|preconditions?|ultimatums?|firm)\b/i, "firm"],
];

/** "Three conditions" announced, and items told in the sentences after it: "First, …", "The second is …". */
export const ANNOUNCED_LIST = /\b(?:two|three|four|five|several|a\s+few|(?:a\s+)?(?:set|list|series)\s+of)\s+(?:\p{Ll}+\s+)?(?:conditions|demands|preconditions|terms|requirements)\b/iu;
export const LIST_MEMBER = /^(?:(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|finally|lastly|last|also),?\s+|(?:the|a)\s+(?:first|second|third|fourth|fifth|last|final|other|another)\s+(?:condition|demand|one|precondition|term)?\s*(?:is|was|would\s+be)\s*:?\s*|another\s+(?:condition|demand)\s+(?:is|was)\s+)/iu;

export const RANK: Record<Firmness, number> = { stated: 0, firm: 1, "non-negotiable": 2 };

export function firmnessFrom(text: string, floor: Firmness = "stated"): Firmness {
  // "no longer insists that …", "is no longer a precondition": a withdrawn cue sets no firmness.
  const said = text.replace(/\b(?:no\s+longer|not)\s+(?:(?:a|an|its|their)\s+)?(?:insist|demand|requir|precondition|ultimatum)\w*/giu, "");
  let best = floor;
  for (const [cue, firmness] of FIRMNESS_CUES) if (cue.test(said) && RANK[firmness] > RANK[best]) best = firmness;
  return best;
}
