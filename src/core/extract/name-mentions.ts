import nlp from "compromise";
import type { Span } from "./spans.js";

/** A run of capitalised words that may name a person, with any title before it. */
export interface NameMention extends Span {
  /** The name without its title: "Dmitry Peskov". */
  name: string;
  /** Title or role words written before the name: "Kremlin spokesperson". */
  role?: string;
}

/** Titles written before a name; they describe the person and are not part of the name. */
export const TITLE_WORDS = new Set(
  (
    "President Vice Sen. Senator Rep. Representative Gov. Governor Mayor Secretary Minister Prime Chancellor " +
    "Speaker Leader Chairman Chairwoman Chief Judge Justice Gen. General Col. Lt. Sgt. Adm. Dr. Mr. Mrs. Ms. Prof. " +
    "Rev. Attorney Ambassador Commissioner Director Former Foreign Defense State Deputy Majority Minority First Lady " +
    "King Queen Prince Pope Sheikh Supreme Pastor Father Bishop Candidate Nominee Republican Democratic Democrat " +
    "Presidential Spokesman Spokeswoman Spokesperson Coach Officer Agent Detective Professor Dean Chair President-elect " +
    "Engineer Envoy Negotiator Analyst Economist Lawyer Activist Councillor Councilman Councilwoman Captain Sergeant " +
    "Reporter Correspondent Donor Host Anchor Author Writer Columnist Editor Publisher Founder"
  ).split(" "),
);

/** Capitalised words that start sentences or headings far more often than they name anyone. */
const NOT_NAME_START = new Set(
  (
    "The A An In On At By For From With Without About After Before During Since Until As If When While Where Why How What Who " +
    "But And Or So Yet Still Then Now Here There This That These Those It Its He She They We I You His Her Their Our My Your " +
    "However Meanwhile Also Even Only Just Not No Yes Some Many Most All Both Each Every Several Such Other Another One Two " +
    "Three Last Next First Second Third Later Earlier Today Tonight Yesterday Tomorrow Monday Tuesday Wednesday Thursday " +
    "Friday Saturday Sunday January February March April May June July August September October November December Asked " +
    "According Despite Although Though Because Unlike Like Under Over Through Among Between Instead Rather Thus Indeed " +
    "Read Watch Click Editor Photo Video Update Related Advertisement Sign Follow Share " +
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec GMT UTC CET CEST BST"
  ).split(" "),
);

const CONNECTORS = new Set(["de", "da", "van", "von", "der", "bin", "al", "del", "la", "le", "di", "du", "el"]);

const WORD = /[\p{L}][\p{L}\p{M}’'.-]*/gu;

/**
 * Finds capitalised word runs outside quotations. A run is cut at a title so that
 * "Kremlin spokesperson Dmitry Peskov" yields the name "Dmitry Peskov" with its role.
 */
export function nameMentions(text: string, skip: readonly Span[] = []): NameMention[] {
  const mentions: NameMention[] = [];
  const words: { start: number; end: number; word: string }[] = [];
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let word = m[0];
    // A trailing period belongs to the sentence, except after an initial or a known abbreviation.
    if (word.endsWith(".") && !/^\p{Lu}\.$/u.test(word) && !TITLE_WORDS.has(word) && !/^(Jr|Sr|St)\.$/.test(word)) word = word.slice(0, -1);
    word = word.replace(/[’']s$/u, "").replace(/[’'-]+$/u, "");
    words.push({ start: m.index, end: m.index + word.length, word });
  }
  let run: typeof words = [];
  const flush = () => {
    const mention = toMention(text, run);
    if (mention) mentions.push(mention);
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (skip.some((s) => s.start <= w.start && w.start < s.end)) {
      flush();
      continue;
    }
    const previous = run[run.length - 1];
    const gap = previous ? text.slice(previous.end, w.start) : " ";
    const joins = /^ ?$/.test(gap) || (previous !== undefined && /^\s+$/.test(gap) && !gap.includes("\n"));
    const capital = /^\p{Lu}/u.test(w.word);
    const connector = CONNECTORS.has(w.word) && run.length > 0 && /^\p{Lu}/u.test(words[i + 1]?.word ?? "");
    if ((capital || connector) && (run.length === 0 || joins)) run.push(w);
    else {
      flush();
      if (capital) run.push(w);
    }
    if (/[’']s$/u.test(text.slice(w.start, w.end + 2)) || /[,;:()“”"]/.test(text[w.end] ?? "")) flush();
  }
  flush();
  return dropSentenceOpeners(text, mentions);
}

/**
 * A lone capitalised word opening a sentence ("Nothing", "Wait", "Newspaper") is a name only
 * when the article also capitalises it elsewhere: people are introduced in full before a
 * sentence opens with their surname.
 */
function dropSentenceOpeners(text: string, mentions: NameMention[]): NameMention[] {
  const elsewhere = new Set<string>();
  for (const m of mentions) {
    const words = m.name.split(" ");
    if (words.length > 1 || !opensSentence(text, m.start)) for (const word of words) elsewhere.add(word);
  }
  return mentions.filter((m) => m.name.includes(" ") || !opensSentence(text, m.start) || elsewhere.has(m.name));
}

function toMention(text: string, run: { start: number; end: number; word: string }[]): NameMention | undefined {
  let words = run;
  while (words.length > 0 && NOT_NAME_START.has(words[0]!.word)) words = words.slice(1);
  // Headlines and datelines in capitals ("IOWA POLLS NOT WRONG", "PHILADELPHIA") are not names; acronyms (CNN, NATO) are.
  if (words.length > 0 && words.every((w) => /^[\p{Lu}\p{N}.’'-]+$/u.test(w.word)) && (words.length >= 2 || words[0]!.word.length >= 6)) return undefined;
  // A single capitalised word opening a sentence is a name only if it is not a common word: "Surveying", "Likewise", "Pollsters".
  if (words.length === 1 && opensSentence(text, words[0]!.start) && isCommonWord(words[0]!.word)) return undefined;
  // Everything up to the last title word is the role: "United States President Donald Trump".
  let titleEnd = 0;
  for (let i = words.length - 2; i >= 0; i--) {
    if (TITLE_WORDS.has(words[i]!.word)) {
      titleEnd = i + 1;
      break;
    }
  }
  const nameWords = words.slice(titleEnd);
  if (nameWords.length === 0 || nameWords.every((w) => TITLE_WORDS.has(w.word))) return undefined;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const roleWords = words.slice(0, titleEnd).map((w) => w.word);
  const before = lowerRoleBefore(text, first.start);
  const role = [...before, ...roleWords].join(" ");
  return {
    start: first.start,
    end: last.end,
    name: nameWords.map((w) => w.word).join(" "),
    ...(role ? { role } : {}),
  };
}

function opensSentence(text: string, at: number): boolean {
  return /(^|[.!?]["”’]?\s+|\n\s*|[:;—–-]\s+)$/u.test(text.slice(Math.max(0, at - 4), at));
}

function isCommonWord(word: string): boolean {
  const doc = nlp(word.toLowerCase());
  return (doc.has("#Gerund") || doc.has("#Adverb")) && !nlp(word).has("#Person");
}

/** Lower-case role nouns just before a name: "Kremlin spokesperson Dmitry Peskov", "campaign manager Jane Roe". */
const ROLE_NOUNS =
  /(?:^|\s)((?:[\p{Lu}][\p{L}.-]*\s+)*(?:[a-z-]+\s+)?(?:spokesperson|spokesman|spokeswoman|press secretary|secretary|minister|adviser|advisor|aide|manager|chairman|chairwoman|director|strategist|official|lawyer|attorney|analyst|ambassador|envoy|leader|chief|commander|negotiator|pollster|economist|professor|researcher|mayor|governor|senator|congressman|congresswoman|candidate|nominee|president|host|anchor|founder|executive|ceo|general|officer|activist|expert|author|historian|supporter|voter|surrogate|representative|deputy|head|member|lawmaker|judge))\s+$/u;

function lowerRoleBefore(text: string, start: number): string[] {
  const window = text.slice(Math.max(0, start - 80), start);
  const match = ROLE_NOUNS.exec(window.split(/[,;:.()“”"]/).pop() ?? "");
  return match ? [match[1]!.trim()] : [];
}
