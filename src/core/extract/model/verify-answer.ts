import { foldName, foldText } from "../../fold-text.js";
import { FIRMNESS, type Firmness, type Party, type Person, STATES, type State, type Topic } from "../../schema.js";
import { KNOWN_PARTIES, partyOf } from "../parties.js";
import { withDoubledApostrophesAsMarks } from "../quote-marks.js";
import { quotedSpans } from "../quoted-spans.js";
import { type ModelAnswer, looseAnswerSchema } from "./answer-schema.js";
import type { StoryContext } from "./prompt.js";

/**
 * Checks a model's answer against the article before anything of it is kept. Pure.
 * The answer as a whole must be JSON of the schema's shape, or none of it is used; each
 * item is then checked alone, and an item that fails is dropped with a reason:
 * - a quote must stand verbatim inside quotation marks in the article (marks and
 *   whitespace normalised), and its speaker must be named in the article (in full, or by
 *   the surname) or be an unnamed official whose qualifying words the article uses;
 * - a condition's party must be one the story or the rules know, or a name in the text
 *   (or its demonym: "Ilvanian" for Ilvany); a holder, when given, must be named in the article;
 * - a state or firmness must be one the schema knows; a new topic's capitalised words
 *   must appear in the article;
 * - texts are bounded; the summary must not copy a sentence of the article.
 */

export interface VerifiedQuote {
  /** The words as the article writes them. */
  text: string;
  speaker: string;
}

export interface VerifiedCondition {
  party: Party;
  holder?: string;
  text: string;
  firmness: Firmness;
}

export interface VerifiedStatus {
  /** A story topic when the model chose one, else a new topic under the model's name. */
  topic: Topic;
  state: State;
  detail: string;
}

export interface VerifiedAnswer {
  quotes: VerifiedQuote[];
  conditions: VerifiedCondition[];
  status: VerifiedStatus[];
  summary?: string;
  /** One line per dropped item, for the log. */
  dropped: string[];
}

export type Verification = { ok: true; answer: VerifiedAnswer } | { ok: false; reason: string };

const MAX_ITEMS = 50;
const MAX_QUOTE = 2000;
const MAX_LINE = 400;
const MAX_NAME = 100;
const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "his", "their", "someone", "somebody", "one"]);
const OFFICIAL_NOUNS = "officials?|spokes(?:person|man|woman|people)|diplomats?|sources?|aides?|officers?|negotiators?|advis[eo]rs?|ministers?|envoys?|analysts?|lawmakers?|people familiar with [\\w\\s]+";
const UNNAMED = new RegExp(`^(?:(?:an?|the|one|two|three|several|some)\\s+)?((?:[\\p{L}.'-]+\\s+){0,4}?)(?:${OFFICIAL_NOUNS})$`, "iu");
// Words that describe an unnamed official without naming anything the article must mention.
const PLAIN_QUALIFIERS = new Set(["unnamed", "anonymous", "senior", "top", "high-ranking", "high", "ranking", "government", "administration", "former", "current", "western", "foreign", "other", "military", "a", "an", "the"]);

/** What verification may trust besides the text: the story's topics and parties, and what the rules found. */
export type VerifyContext = StoryContext & {
  rulesParties?: readonly Party[];
  /** People a full name may be taken from when the article gives only the surname: the story's and the rules'. */
  people?: readonly Person[];
};

/** Parses and checks the model's raw answer. */
export function verifyAnswer(raw: string, articleText: string, context: VerifyContext): Verification {
  let json: unknown;
  try {
    json = JSON.parse(stripCodeFence(raw));
  } catch (error) {
    return { ok: false, reason: `the answer is not valid JSON (${(error as Error).message.slice(0, 120)})` };
  }
  const parsed = looseAnswerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `the answer does not fit the schema (${issue.path.join(".") || "answer"}: ${issue.message})` };
  }
  return { ok: true, answer: verifyItems(parsed.data, articleText, context) };
}

function verifyItems(answer: ModelAnswer, articleText: string, context: VerifyContext): VerifiedAnswer {
  const article = articleIndex(articleText);
  const dropped: string[] = [];
  const drop = (what: string, why: string) => {
    dropped.push(`${what}: ${why}`);
    return [];
  };
  const capped = <T>(list: T[], what: string): T[] => {
    if (list.length > MAX_ITEMS) dropped.push(`${what}: ${list.length - MAX_ITEMS} items past the first ${MAX_ITEMS}`);
    return list.slice(0, MAX_ITEMS);
  };

  const quotes = capped(answer.quotes, "quotes").flatMap((q, i): VerifiedQuote[] => {
    const what = `quotes[${i}]`;
    const text = verbatimQuote(q.text, article);
    if (!text) return drop(what, "not found verbatim inside quotation marks in the article");
    const speaker = checkSpeaker(q.speaker, article, context.people);
    if ("problem" in speaker) return drop(what, speaker.problem);
    return [{ text, speaker: speaker.name }];
  });

  const conditions = capped(answer.conditions, "conditions").flatMap((c, i): VerifiedCondition[] => {
    const what = `conditions[${i}]`;
    if (!isFirmness(c.firmness)) return drop(what, `unknown firmness "${clip(c.firmness)}"`);
    const text = cleanLine(c.text);
    if (!text || text.length > MAX_LINE) return drop(what, "text empty or too long");
    const party = knownParty(c.party, article, context);
    if (!party) return drop(what, `party "${clip(c.party)}" is neither known nor named in the article`);
    let holder: string | undefined;
    if (c.holder !== null && cleanLine(c.holder) !== "") {
      const checked = checkSpeaker(c.holder, article, context.people);
      if ("problem" in checked) return drop(what, `holder: ${checked.problem}`);
      holder = checked.name;
    }
    return [{ party, ...(holder ? { holder } : {}), text, firmness: c.firmness }];
  });

  const status = capped(answer.status, "status").flatMap((s, i): VerifiedStatus[] => {
    const what = `status[${i}]`;
    if (!isState(s.state)) return drop(what, `unknown state "${clip(s.state)}"`);
    const detail = cleanLine(s.detail);
    if (!detail || detail.length > MAX_LINE) return drop(what, "detail empty or too long");
    const topic = storyTopic(s.topic, context.topics) ?? newTopic(s.topic, article);
    if ("problem" in topic) return drop(what, topic.problem);
    return [{ topic, state: s.state, detail }];
  });

  const summary = cleanLine(answer.summary);
  let keptSummary: string | undefined;
  if (!summary) dropped.push("summary: empty");
  else if (summary.length > 2 * MAX_LINE) dropped.push("summary: too long");
  else if (copiesArticle(summary, article)) dropped.push("summary: copies the article instead of summing it up");
  else keptSummary = summary;

  return { quotes, conditions, status, ...(keptSummary ? { summary: keptSummary } : {}), dropped };
}

interface ArticleIndex {
  text: string;
  /** Every word boundary-delimited form of the article, folded as names are. */
  folded: string;
  quoted: string[];
}

function articleIndex(text: string): ArticleIndex {
  const marked = withDoubledApostrophesAsMarks(text);
  return { text, folded: ` ${nameForm(text)} `, quoted: quotedSpans(marked).map((s) => text.slice(s.start, s.end)) };
}

/** The quote as the article writes it, when the model's text stands inside one quoted span. */
function verbatimQuote(modelText: string, article: ArticleIndex): string | undefined {
  const wanted = normaliseQuote(modelText);
  if (wanted.split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w)).length < 2 || wanted.length > MAX_QUOTE) return undefined;
  const pattern = new RegExp(
    [...wanted].map((ch) => (ch === '"' ? "[\"“”„‟″«»]" : ch === "'" ? "['‘’‚‛′`]" : ch === " " ? "\\s+" : ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join(""),
    "u",
  );
  for (const span of article.quoted) {
    const found = pattern.exec(span);
    if (found) return found[0].replace(/\s+/g, " ");
  }
  return undefined;
}

export function normaliseQuote(text: string): string {
  return text
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^["']+|["']+$/g, "")
    .replace(/[,\s]+$/, "")
    .trim();
}

/** A speaker or holder named in the article, or an unnamed official the article describes. */
function checkSpeaker(raw: string, article: ArticleIndex, people: readonly Person[] = []): { name: string } | { problem: string } {
  const name = cleanLine(raw).replace(/^["']+|["']+$/g, "");
  if (!name || name.length > MAX_NAME) return { problem: "speaker empty or too long" };
  const folded = nameForm(name);
  if (!folded || PRONOUNS.has(folded)) return { problem: `speaker "${clip(name)}" is not a name` };
  const unnamed = UNNAMED.exec(name);
  if (unnamed) {
    const qualifiers = (unnamed[1] ?? "").split(/\s+/).filter((w) => w && !PLAIN_QUALIFIERS.has(w.toLowerCase()));
    const missing = qualifiers.filter((w) => !namedIn(w, article));
    if (missing.length === 0) return { name: name.charAt(0).toUpperCase() + name.slice(1) };
    return { problem: `speaker "${clip(name)}": the article never mentions ${missing.join(", ")}` };
  }
  if (!/\p{Lu}/u.test(name)) return { problem: `speaker "${clip(name)}" is not a name` };
  if (namedIn(name, article)) return { name };
  // Articles name a person in full once, then by surname; a later article may give only the
  // surname. The full name is kept when the story or the rules know it, else only the surname,
  // so a first name the model made up never reaches the story.
  const surname = name.split(/\s+/).at(-1)!;
  if (!/^\p{Lu}/u.test(surname) || !namedIn(surname, article)) return { problem: `speaker "${clip(name)}" is not named in the article` };
  const key = foldName(name);
  return { name: people.some((p) => [p.name, ...p.aliases].some((n) => foldName(n) === key)) ? name : surname };
}

/** True when the words stand together, as whole words, in the article (case, marks and spelling variants folded). */
function namedIn(words: string, article: ArticleIndex): boolean {
  const folded = nameForm(words);
  return folded !== "" && article.folded.includes(` ${folded} `);
}

function knownParty(raw: string, article: ArticleIndex, context: VerifyContext): Party | undefined {
  const name = cleanLine(raw);
  if (!name || name.length > MAX_NAME) return undefined;
  const key = foldText(name);
  const listed = [...context.parties, ...(context.rulesParties ?? [])].find((p) => [p.id, p.name, ...p.aliases].some((n) => foldText(n) === key));
  if (listed) return { id: listed.id, name: listed.name, aliases: [] };
  const known = partyOf(name) ?? KNOWN_PARTIES.find((p) => foldText(p.name) === key);
  if (known) return { id: slug(known.name), name: known.name, aliases: [] };
  if (/\p{Lu}/u.test(name) && (namedIn(name, article) || demonymIn(name, article))) return { id: slug(name), name, aliases: [] };
  return undefined;
}

/** "Ilvany" in an article that only says "Ilvanian": a capitalised word of the text starts with the name's stem. */
function demonymIn(name: string, article: ArticleIndex): boolean {
  const key = foldName(name);
  if (key.includes(" ") || key.length < 5) return false;
  const stem = key.slice(0, Math.max(4, key.length - 2));
  return article.folded.includes(` ${stem}`);
}

function storyTopic(raw: string, topics: readonly Topic[]): Topic | undefined {
  const key = foldText(raw);
  const topic = topics.find((t) => t.id === raw.trim() || [t.name, ...t.aliases].some((n) => foldText(n) === key));
  return topic && { id: topic.id, name: topic.name, aliases: topic.aliases };
}

function newTopic(raw: string, article: ArticleIndex): Topic | { problem: string } {
  const name = cleanLine(raw);
  if (!name || name.length > MAX_NAME || !slug(name)) return { problem: "topic empty or too long" };
  // Capitalised words are names, except a first word standing alone ("Report of shelling"):
  // that one is capitalised as the start of the name. "Trump–Putin call" checks both names.
  const tokens = name.split(/\s+/);
  const checked = /[–—/-]/.test(tokens[0]!) ? tokens : tokens.slice(1);
  const names = checked.flatMap((t) => t.split(/[–—/-]+/)).map((w) => w.replace(/['’]s$/, "")).filter((w) => /^\p{Lu}/u.test(w));
  const missing = names.filter((w) => !namedIn(w, article));
  if (missing.length > 0) return { problem: `new topic "${clip(name)}" names ${missing.join(", ")}, whom the article never mentions` };
  return { id: slug(name), name, aliases: [] };
}

/** Words folded for matching names: case, marks, spelling variants and a possessive 's set aside. */
function nameForm(text: string): string {
  return foldName(text.replace(/['’]s\b/g, ""))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A summary of twelve words or more found word for word in the article is copied prose. */
function copiesArticle(summary: string, article: ArticleIndex): boolean {
  const folded = nameForm(summary);
  return folded.split(" ").length >= 12 && article.folded.includes(` ${folded} `);
}

/** One line of plain text: control characters and runs of whitespace become single spaces. */
function cleanLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]+/g, " ").replace(/\s+/g, " ").trim();
}

function stripCodeFence(raw: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(raw);
  return fenced ? fenced[1]! : raw;
}

function slug(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function isState(value: string): value is State {
  return (STATES as readonly string[]).includes(value);
}

function isFirmness(value: string): value is Firmness {
  return (FIRMNESS as readonly string[]).includes(value);
}
