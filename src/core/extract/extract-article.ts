import type { ArticleFile, ConditionFile, Party, Person, QuoteFile, StatusItemFile, StoryFile, Topic } from "../schema.js";
import { readHeader } from "./article-header.js";
import { findQuotes } from "./attribute-quotes.js";
import { blankSpans } from "./blank-quotes.js";
import { findConditions } from "./conditions.js";
import { nameKey, slugify } from "./name-keys.js";
import { type PartyName, partyOf } from "./parties.js";
import { type PersonCluster, clusterPeople } from "./people-clusters.js";
import { reportedStatements } from "./reported-quotes.js";
import { type ResolvedSpeaker, resolvePhrase, speakerDisplayName } from "./resolve-speakers.js";
import type { SpeakerPhrase } from "./speaker-phrases.js";
import { type KnownSides, type Side, findSides } from "./sides.js";
import { findStatus } from "./status-items.js";
import type { ThreadKind } from "./status-frames.js";
import { articleSummary } from "./summaries.js";

/** An article's story data, plus the display names of the sides and topics its ids point to. */
export interface ExtractedArticle {
  article: ArticleFile;
  parties: Party[];
  topics: Topic[];
  headings: string[];
  /** What identifies each topic as a real-world thing, for matching it to a story's topics. */
  threads?: ExtractedThread[];
  /** Every direct quote found, with offsets into the text and the rule that credited it (for evaluation). */
  quoteEvidence?: QuoteEvidence[];
  /** The summary was written (by a model, verified) rather than built from the facts: the story merge keeps it. */
  summaryWritten?: boolean;
}

export interface ExtractedThread {
  /** The topic id in `topics` and in the status items. */
  id: string;
  kind: ThreadKind;
  participants: string[];
  places: string[];
}

export interface QuoteEvidence {
  start: number;
  end: number;
  /** Display name of the speaker the article data credits; absent when the quote was left out for want of one. */
  speaker?: string;
  rule: string;
}

export interface ExtractOptions {
  /** Used when the text states no date, e.g. a date in the file name or today's. */
  fallbackDate: string;
  /** Publisher to credit when the text names none. */
  fallbackSource?: string;
  /** The story the article will join: its parties and people tell whose side a holder is on. */
  story?: StoryFile;
  /** Also return `quoteEvidence`, every quote's offsets and rule (for evaluation). */
  evidence?: boolean;
}

/** Turns an article's plain text into an article file. Pure: the caller reads files and picks the fallback date. */
export function extractArticle(text: string, options: ExtractOptions): ExtractedArticle {
  const header = readHeader(text);
  // Header lines are not prose: blank them so no name or quote is read out of them.
  const body = blankSpans(text, [...header.header, ...headingSpans(text, header.headings)]);
  const analysis = findQuotes(body);
  const people = clusterPeople(analysis.mentions);
  const quoteSpans = analysis.quotes.flatMap((q) => q.segments);
  const resolve = (phrase: SpeakerPhrase) => resolvePhrase(phrase, analysis.mentions, people, quoteSpans);

  const sides = findSides(analysis.plain, analysis.mentions, people, knownSides(options.story));
  const parties = new Map<string, Party>();
  const registry = personRegistry((cluster) => {
    const side = sides.sideOf(cluster);
    if (!side) return undefined;
    const party = partyFor(side);
    parties.set(party.id, party);
    return party.id;
  }, (known) => {
    const party = partyFor({ name: known.name, cues: known.cues });
    parties.set(party.id, party);
  });
  const quotes: QuoteFile[] = [];
  const quoteEvidence: QuoteEvidence[] = [];
  for (const quote of analysis.quotes) {
    const speaker = speakerOf(quote.speaker && resolve(quote.speaker));
    const name = speakerDisplayName(speaker);
    for (const s of quote.segments) quoteEvidence.push({ start: s.start, end: s.end, rule: quote.rule, ...(name ? { speaker: name } : {}) });
    if (!speaker) continue;
    quotes.push({ speaker: registry.idOf(speaker), text: quoteText(body, quote.segments), kind: "direct" });
  }
  for (const statement of reportedStatements(analysis, resolve)) {
    quotes.push({ speaker: registry.idOf(statement.speaker), text: statement.text, kind: "reported" });
  }

  const sideOfHolder = (holder: ResolvedSpeaker) => (holder.kind === "person" ? sides.sideOf(holder.person) : sides.sideIn(holder.description));
  const resolveQuietly = (phrase: SpeakerPhrase) => resolvePhrase(phrase, analysis.mentions, people, quoteSpans);
  const spokenQuotes = analysis.quotes.flatMap((q) => {
    const speaker = q.speaker && speakerOf(resolve(q.speaker));
    return speaker ? [{ text: quoteText(body, q.segments), speaker, at: q.segments[0]!.start }] : [];
  });
  const conditions: ConditionFile[] = [];
  for (const c of findConditions(analysis, { text: body, resolve: resolveQuietly, sideIn: sides.sideIn, sideOfHolder, quotes: spokenQuotes })) {
    const side = c.side ?? (c.holder ? sideOfHolder(c.holder) : undefined);
    const party = side ? partyFor(side) : UNKNOWN_SIDE;
    parties.set(party.id, party);
    conditions.push({ party: party.id, ...(c.holder ? { holder: registry.idOf(c.holder) } : {}), text: c.text, firmness: c.firmness });
  }

  const date = header.date ?? options.fallbackDate;
  const topics = new Map<string, Topic>();
  const threads: ExtractedThread[] = [];
  const isPlace = (name: string) => new RegExp(`\\b(?:in|at|near|from|town\\s+of|city\\s+of|village\\s+of)\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "u").test(analysis.plain);
  const found = findStatus(analysis, { text: body, people, sides, resolve: resolveQuietly, isPlace });
  const status: StatusItemFile[] = found.map((s) => {
    const id = slugify(s.thread.name) || slugify(s.thread.kind);
    topics.set(id, { id, name: s.thread.name, aliases: s.thread.aliases });
    if (!threads.some((t) => t.id === id)) threads.push({ id, kind: s.thread.kind, participants: s.thread.participants, places: s.thread.places });
    return { topic: id, state: s.state, detail: s.detail, date };
  });

  // People with a title or role are worth knowing even when they say nothing here.
  for (const cluster of people.clusters) if (cluster.isPerson && cluster.role && cluster.name.includes(" ")) registry.idOf({ kind: "person", person: cluster });

  const title = header.title ?? leadTitle(body, analysis.sentences);
  const article: ArticleFile = {
    id: `${date}-${shortSlug(title)}`,
    title,
    date,
    ...(header.dateline ? { dateline: header.dateline } : {}),
    source: { name: header.source ?? options.fallbackSource ?? "Unknown source" },
    summary: articleSummary(
      { quotes, conditions, status },
      {
        topic: (id) => topics.get(id)?.name ?? id,
        party: (id) => parties.get(id)?.name ?? id,
        person: (id) => registry.people.find((p) => p.id === id)?.name,
      },
    ),
    people: registry.people,
    quotes,
    conditions,
    status,
  };
  return { article, parties: [...parties.values()], topics: [...topics.values()], headings: header.headings, threads, ...(options.evidence ? { quoteEvidence } : {}) };
}

/** The story's parties, and its people's sides by every name they go by. */
function knownSides(story: StoryFile | undefined): KnownSides {
  if (!story) return {};
  const sideOfPerson = new Map<string, string>();
  for (const person of story.people) {
    const party = story.parties.find((p) => p.id === person.party);
    if (!party) continue;
    for (const name of [person.name, ...person.aliases]) sideOfPerson.set(nameKey(name), party.name);
    const surname = person.name.split(" ").pop();
    if (surname && !sideOfPerson.has(nameKey(surname))) sideOfPerson.set(nameKey(surname), party.name);
  }
  return { parties: story.parties, personSide: (name) => sideOfPerson.get(nameKey(name)) };
}

/** Stands for the side of a condition whose holder's side the article does not tell; ingest replaces it with the holder's side in the story. */
export const UNKNOWN_SIDE: Party = { id: "side-not-named", name: "Side not named", aliases: [] };

function partyFor(side: Side): Party {
  const known = partyOf(side.name);
  const name = known?.name ?? side.name;
  const cues = [...new Set([...(known?.cues ?? []), ...side.cues])].filter((cue) => cue !== name);
  return { id: slugify(name), name, aliases: cues };
}

/** People, organisations and unnamed officials speak; a place or a loose phrase ("a mountain pass", "the Quessanian effort") does not. */
function speakerOf(speaker: ResolvedSpeaker | undefined): ResolvedSpeaker | undefined {
  if (!speaker) return undefined;
  if (speaker.kind === "person") return speaker.person.isPlace ? undefined : speaker;
  const { description } = speaker;
  // A proper name ("Mr. King", "Daily Beast") speaks; "the Quessanian effort" or "a mountain pass" does not.
  const properName = /^(?:\p{Lu}[\p{L}’'.-]*\s*)+$/u.test(description.trim()) && !PLACE_WORD.test(description);
  const named = /\p{Lu}/u.test(description) && !ABSTRACT_HEAD.test(description) && !PLACE_WORD.test(description);
  return properName || named || SPEAKING_NOUN.test(description) ? speaker : undefined;
}

/** Nouns for an undertaking, not a speaker: "the Quessanian effort", "the Western push". */
const ABSTRACT_HEAD = /\b(?:effort|push|initiative|move|process|bid|approach|strategy|policy|plan|proposal|idea|deal|war|conflict|crisis|talks|offensive|operation|attempt|pressure|offer|decision|situation|position)s?$/i;

const PLACE_WORD = /\b(?:pass|valley|river|mountains?|hills?|border|town|city|village|region|province|square|bridge|crossing|port|coast|sea|lake|island)$/i;

const SPEAKING_NOUN =
  /\b(?:officials?|spokes(?:man|woman|person|people)|aides?|sources?|diplomats?|ministers?|ministry|leaders?|negotiators?|analysts?|experts?|advisers?|advisors?|members?|lawmakers|legislators?|senators?|MPs|deputies|envoys?|representatives?|government|administration|campaign|office|president|prime\s+minister|chancellor|secretary|commander|general|officer|police|army|military|agency|committee|council|party|people|residents?|witnesses?|voters?|critics?|supporters?|observers?|organi[sz]ers?|protesters?|activists?|journalists?|reporters?|writers?|editors?|authors?|candidates?|nominees?|governors?|mayors?|judges?|lawyers?|attorneys?|executives?|chiefs?|heads?|directors?|chairm[ae]n|women|men|man|woman|someone|aide|staff|staffers?|team|group|organi[sz]ation|union|company|firm|bank|court|church|website|newspaper|network|station|magazine|paper|statement|businessman|businesswoman|questioner|narrator|ad|brief|memo|letter|report|poll|survey|study|complaint|filing|lawsuit|document|ruling|speaker|host|anchor|doctor|professor|scientist|researcher|economist|historian|teacher|student|mother|father|wife|husband|son|daughter|friend|neighbou?r|owner|worker|employee|resident|veteran|farmer|soldier|pilot|prisoner|refugee|commentator|columnist|blogger|pollster|strategist|consultant|operative|surrogate|donor|fan|member)\b/iu;

/** The article's people, one per person, made as quotes and conditions name them. */
function personRegistry(partyOfPerson: (person: PersonCluster) => string | undefined, partyOfDescribed: (party: PartyName) => void) {
  const people: Person[] = [];
  const byCluster = new Map<PersonCluster, Person>();
  const idOf = (speaker: ResolvedSpeaker): string => {
    if (speaker.kind === "described") {
      const name = speaker.description.charAt(0).toUpperCase() + speaker.description.slice(1);
      const party = partyOf(name);
      if (party) partyOfDescribed(party);
      return add({ id: slugify(name), name, aliases: [], ...(party ? { party: slugify(party.name) } : {}) }).id;
    }
    const known = byCluster.get(speaker.person);
    if (known) return known.id;
    const { person } = speaker;
    const party = partyOfPerson(person);
    const record = add({
      id: slugify(person.name),
      name: person.name,
      aliases: person.aliases,
      ...(person.role ? { role: person.role } : {}),
      ...(party ? { party } : {}),
    });
    byCluster.set(person, record);
    return record.id;
  };
  const add = (person: Person): Person => {
    const existing = people.find((p) => p.id === person.id);
    if (existing) return existing;
    people.push(person);
    return person;
  };
  return { people, idOf };
}

function headingSpans(text: string, headings: readonly string[]): { start: number; end: number }[] {
  return headings.flatMap((heading) => {
    const at = text.search(new RegExp(`(^|\\n)\\s*${heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*(\\n|$)`));
    if (at < 0) return [];
    const start = text.indexOf(heading, at);
    return [{ start, end: start + heading.length }];
  });
}


/** The words inside the marks; a trailing comma belongs to the framing sentence, not the quote. */
function quoteText(text: string, segments: readonly { start: number; end: number }[]): string {
  return segments
    .map((s) => text.slice(s.start, s.end).trim())
    .join(" ")
    .replace(/\s+/g, " ")
    .replace(/,$/, "");
}

function leadTitle(text: string, sentences: readonly { start: number; end: number }[]): string {
  const first = sentences.find((s) => text.slice(s.start, s.end).trim().length > 0);
  const sentence = first ? text.slice(first.start, first.end).trim() : "Untitled article";
  if (sentence.length <= 120) return sentence.replace(/[.]$/, "");
  return `${sentence.slice(0, 117).replace(/\s+\S*$/, "")}…`;
}

function shortSlug(title: string): string {
  const slug = slugify(title) || "article";
  if (slug.length <= 60) return slug;
  return slug.slice(0, 60).replace(/-[^-]*$/, "");
}
