import type { ArticleFile, ConditionFile, Party, Person, QuoteFile, StatusItemFile, Topic } from "../schema.js";
import { readHeader } from "./article-header.js";
import { findQuotes } from "./attribute-quotes.js";
import { blankSpans } from "./blank-quotes.js";
import { findConditions } from "./conditions.js";
import { slugify } from "./name-keys.js";
import { partyOf } from "./parties.js";
import { type PersonCluster, clusterPeople } from "./people-clusters.js";
import { reportedStatements } from "./reported-quotes.js";
import { type ResolvedSpeaker, resolvePhrase } from "./resolve-speakers.js";
import type { SpeakerPhrase } from "./speaker-phrases.js";
import { findStatus } from "./status-items.js";

/** An article's story data, plus the display names of the sides and topics its ids point to. */
export interface ExtractedArticle {
  article: ArticleFile;
  parties: Party[];
  topics: Topic[];
  headings: string[];
}

export interface ExtractOptions {
  /** Used when the text states no date, e.g. a date in the file name or today's. */
  fallbackDate: string;
  /** Publisher to credit when the text names none. */
  fallbackSource?: string;
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

  const registry = personRegistry();
  const quotes: QuoteFile[] = [];
  for (const quote of analysis.quotes) {
    const speaker = quote.speaker && resolve(quote.speaker);
    if (!speaker) continue;
    quotes.push({ speaker: registry.idOf(speaker), text: quoteText(body, quote.segments), kind: "direct" });
  }
  for (const statement of reportedStatements(analysis, resolve)) {
    quotes.push({ speaker: registry.idOf(statement.speaker), text: statement.text, kind: "reported" });
  }

  const parties = new Map<string, Party>();
  const conditions: ConditionFile[] = findConditions(analysis, resolve).map((c) => {
    const party = partyOf(c.partyHint) ?? partyOf(holderRole(c.holder));
    const partyName = party?.name ?? holderLabel(c.holder) ?? "Unknown party";
    const id = slugify(partyName);
    parties.set(id, { id, name: partyName, aliases: party ? party.cues.filter((cue) => cue !== partyName) : [] });
    return { party: id, ...(c.holder ? { holder: registry.idOf(c.holder) } : {}), text: c.text, firmness: c.firmness };
  });

  const date = header.date ?? options.fallbackDate;
  const topics = new Map<string, Topic>();
  const status: StatusItemFile[] = findStatus(analysis, people).map((s) => {
    const id = slugify(s.topic);
    topics.set(id, { id, name: s.topic, aliases: s.topicAliases.filter((a) => a !== s.topic) });
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
    summary: summarise(quotes, conditions, status, registry.people),
    people: registry.people,
    quotes,
    conditions,
    status,
  };
  return { article, parties: [...parties.values()], topics: [...topics.values()], headings: header.headings };

  function holderRole(holder: ResolvedSpeaker | undefined): string | undefined {
    return holder?.kind === "person" ? holder.person.role : holder?.description;
  }
}

/** The article's people, one per person, made as quotes and conditions name them. */
function personRegistry() {
  const people: Person[] = [];
  const byCluster = new Map<PersonCluster, Person>();
  const idOf = (speaker: ResolvedSpeaker): string => {
    if (speaker.kind === "described") {
      const name = speaker.description.charAt(0).toUpperCase() + speaker.description.slice(1);
      const party = partyOf(name);
      return add({ id: slugify(name), name, aliases: [], ...(party ? { party: slugify(party.name) } : {}) }).id;
    }
    const known = byCluster.get(speaker.person);
    if (known) return known.id;
    const { person } = speaker;
    const party = partyOf(person.role);
    const record = add({
      id: slugify(person.name),
      name: person.name,
      aliases: person.aliases,
      ...(person.role ? { role: person.role } : {}),
      ...(party ? { party: slugify(party.name) } : {}),
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

function holderLabel(holder: ResolvedSpeaker | undefined): string | undefined {
  if (!holder) return undefined;
  return holder.kind === "person" ? holder.person.name : holder.description;
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

/** A summary in our own words, built from what was extracted rather than copied from the article. */
function summarise(quotes: QuoteFile[], conditions: ConditionFile[], status: StatusItemFile[], people: Person[]): string {
  const names = (ids: string[]) => [...new Set(ids)].map((id) => people.find((p) => p.id === id)?.name ?? id);
  const parts: string[] = [];
  const direct = quotes.filter((q) => q.kind === "direct");
  if (direct.length > 0) parts.push(`${direct.length} direct quote${direct.length === 1 ? "" : "s"} from ${names(direct.map((q) => q.speaker)).join(", ")}`);
  const reported = quotes.length - direct.length;
  if (reported > 0) parts.push(`${reported} reported statement${reported === 1 ? "" : "s"}`);
  if (conditions.length > 0) parts.push(`${conditions.length} condition${conditions.length === 1 ? "" : "s"}`);
  if (status.length > 0) parts.push(`status: ${status.map((s) => `${s.topic} ${s.state}`).join(", ")}`);
  return parts.length > 0 ? `Extracted automatically: ${parts.join("; ")}.` : "Extracted automatically: no quotes, conditions or status changes found.";
}
