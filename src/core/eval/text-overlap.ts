import { foldText } from "../fold-text.js";

/**
 * How the evaluation decides that two short texts say the same thing: both are cut
 * into content stems (folded, stopwords and cue words dropped, a plural "s" removed,
 * then the first six letters kept so "withdrawal"/"withdraw" and "prisoners"/"prison"
 * meet), and compared with the Dice coefficient, 2·|A∩B| / (|A|+|B|).
 * Dice punishes both a missing half and a padded whole sentence, which is what we want
 * from a condition's text: the demanded thing, no more, no less.
 */

// Function words, plus the cue and modal words that frame a demand rather than state it.
const STOPWORDS = new Set(
  (
    "a an and are as at be been before being but by can could did do does for from had has have he her his i if in into is it its " +
    "me my no not of on or our out she so than that the their them then there these they this those to too up was we were what " +
    "when which who will with would you your all any each every one ever also only unless until must should shall may might " +
    "demand demands demanded insist insists insisted require requires required condition conditions " +
    "precondition preconditions want wants wanted said says say first second third fourth"
  ).split(" "),
);

/** Words that name the kind of a thread; synonyms share one stem so "talks" meets "summit". */
const KIND_WORDS: Record<string, string> = {
  call: "call", phone: "call", telephone: "call", conversation: "call",
  summit: "meeting", meeting: "meeting", talks: "meeting", talk: "meeting", meet: "meeting",
  ceasefire: "ceasefire", "cease-fire": "ceasefire", truce: "ceasefire", armistice: "ceasefire",
  corridor: "corridor",
  exchange: "exchange", swap: "exchange",
  deal: "deal", agreement: "deal", accord: "deal", pact: "deal", framework: "deal", settlement: "deal",
  mission: "mission", observers: "mission", monitors: "mission",
  withdrawal: "withdrawal", withdraw: "withdrawal", withdrawing: "withdrawal", withdrew: "withdrawal", withdrawn: "withdrawal", pullback: "withdrawal", "pull-back": "withdrawal",
  sanctions: "sanctions", sanction: "sanctions",
  referendum: "referendum", plebiscite: "referendum",
  vote: "vote", ballot: "vote",
  report: "report", reports: "report",
};

export function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}'-]+/u)
    .flatMap((w) => (KIND_WORDS[w.replace(/^'+|'+$/g, "")] ? [w] : w.split("-")))
    .map((w) => w.replace(/^'+|'+$/g, "").replace(/'s$/, ""))
    .filter((w) => w.length > 0);
}

export function stem(word: string): string {
  const kind = KIND_WORDS[word];
  if (kind) return `#${kind}`;
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  return w.slice(0, 6);
}

/** The set of content stems of a text. */
export function contentStems(text: string): Set<string> {
  return new Set(words(text).filter((w) => !STOPWORDS.has(w)).map(stem));
}

/** Dice coefficient of two stem sets; 0 when either is empty. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export function textSimilarity(a: string, b: string): number {
  return dice(contentStems(a), contentStems(b));
}

/** The thread kinds a name mentions ("Castrelle talks" → meeting). */
export function kindsIn(name: string): Set<string> {
  return new Set([...contentStems(name)].filter((s) => s.startsWith("#")).map((s) => s.slice(1)));
}

/** A name folded for equality: case, diacritics, a leading "the", punctuation. */
export function nameKey(name: string): string {
  return foldText(name)
    .replace(/^the\s+/, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
