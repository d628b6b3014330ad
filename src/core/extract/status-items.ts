import type { QuoteAnalysis } from "./attribute-quotes.js";
import type { State } from "../schema.js";
import type { NameMention } from "./name-mentions.js";
import type { PeopleIndex, PersonCluster } from "./people-clusters.js";
import type { ResolvedSpeaker } from "./resolve-speakers.js";
import type { Side, SideIndex } from "./sides.js";
import type { SpeakerPhrase } from "./speaker-phrases.js";
import { PHASE, STATUS_FRAMES, type StatusFrame, THREAD_WORDS, type ThreadKind, frameApplies, stateFor } from "./status-frames.js";

/** One real-world thing the story follows (a call, a summit, a ceasefire), as one article tells it. */
export interface FoundThread {
  kind: ThreadKind;
  /** Readable: "Lind–Brenner summit", "humanitarian corridor", "Kostrel Herald report". */
  name: string;
  /** Every name it went by in the article, for matching and for /status topic:. */
  aliases: string[];
  /** Surnames of the people and names of the sides taking part. */
  participants: string[];
  places: string[];
}

/** Where one thread stands, as one sentence tells it. */
export interface FoundStatus {
  thread: FoundThread;
  state: State;
  detail: string;
  /** The frame that gave the state, for reading errors. */
  frame: string;
  at: number;
}

export interface StatusContext {
  /** The original text, quotes included, for the items' detail lines. */
  text: string;
  people: PeopleIndex;
  sides: SideIndex;
  resolve: (phrase: SpeakerPhrase) => ResolvedSpeaker | undefined;
  /** Whether the article uses a name as a place ("in Halden", "the town of Vell"). */
  isPlace: (name: string) => boolean;
}

interface Thread extends FoundThread {
  members: Set<string>;
  label: string;
  items: number;
}

/**
 * Status items: each sentence is read for a state frame (status-frames.ts, in precedence
 * order) and the thread words near it. The thread is identified by its kind and who takes
 * part; a mention naming nobody ("the summit", "the leaders' meeting") continues the last
 * thread of its kind, and a thread that moves keeps its identity and collects its places.
 */
export function findStatus(analysis: QuoteAnalysis, context: StatusContext): FoundStatus[] {
  const { plain, sentences, mentions } = analysis;
  const threads: Thread[] = [];
  const items: (Omit<FoundStatus, "thread"> & { thread: Thread; phase: number; background: boolean })[] = [];
  let phase = 0;
  for (const sentence of sentences) {
    const raw = plain.slice(sentence.start, sentence.end);
    const words = threadWordsIn(raw);
    if (words.length === 0) continue;
    const cue = stateCue(raw, words);
    if (!cue) continue;
    const word = cue.word;
    const inSentence = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    // "open to meeting Putin …, though no date for such talks has been set": every word of the kind tells who takes part.
    const participants: Participant[] = [];
    const openerEnd = /^\s*(?:(?:in|at|on|during|after|before|according\s+to|in\s+addition\s+to|despite|with|following|unlike|besides)\b[^,]{0,80},\s*)/i.exec(raw)?.[0].length ?? 0;
    for (const other of words.filter((w) => w.kind === word.kind && (w === word || w.start >= openerEnd))) {
      for (const p of participantsOf(raw, sentence.start, other, cue, inSentence, context)) if (!participants.some((q) => q.key === p.key)) participants.push(p);
    }
    void sentenceSubject;
    const places = placesOf(raw, sentence.start, inSentence, context).filter((p) => !participants.some((q) => q.key === p));
    const thread = threadFor(threads, word, participants, places);
    let state = stateFor(cue.frame, word.kind);
    if (state === "confirmed-or-claimed") {
      const subject = sentenceSubject(raw, sentence.start, inSentence, context)?.key;
      state = subject && thread.members.has(subject) && thread.items === 0 ? "claimed" : "confirmed";
    }
    const detail = detailOf(context.text.slice(sentence.start, sentence.end));
    thread.items++;
    // A state told again later in the article is where the thread stands now: the later telling replaces the earlier.
    const same = items.findIndex((i) => i.thread === thread && i.state === state);
    if (same >= 0) items.splice(same, 1);
    // Epistemic states (claimed, denied, …) stay with the phase of the event they are about.
    if (PHASE[state] !== undefined) phase = PHASE[state]!;
    items.push({ thread, state, detail, frame: cue.frame.name, at: sentence.start, phase: PHASE[state] ?? phase, background: cue.background });
  }
  // Told out of order ("took effect on Monday after being agreed last week"), a thread's items still run in its life's order.
  const ordered = [...items].sort((a, b) => (a.thread === b.thread ? Number(b.background) - Number(a.background) || a.phase - b.phase : 0) || a.at - b.at);
  const byThread = new Map<Thread, typeof ordered>();
  for (const item of ordered) byThread.set(item.thread, [...(byThread.get(item.thread) ?? []), item]);
  const result: FoundStatus[] = [];
  for (const item of items) {
    const list = byThread.get(item.thread)!;
    const next = list.shift()!;
    result.push({ thread: publicThread(next.thread), state: next.state, detail: next.detail, frame: next.frame, at: next.at });
  }
  return result;
}

function publicThread(thread: Thread): FoundThread {
  return { kind: thread.kind, name: thread.name, aliases: thread.aliases.filter((a) => a !== thread.name), participants: thread.participants, places: thread.places };
}

interface WordHit {
  kind: ThreadKind;
  label: string;
  start: number;
  end: number;
}

function threadWordsIn(raw: string): WordHit[] {
  const hits: WordHit[] = [];
  for (const entry of THREAD_WORDS) {
    const global = new RegExp(entry.pattern.source, "gi");
    for (const match of raw.matchAll(global)) {
      const start = match.index;
      const end = start + match[0].length;
      if (hits.some((h) => h.start < end && start < h.end)) continue;
      hits.push({ kind: entry.kind, label: labelOf(entry.label, match[0]), start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function labelOf(label: string, matched: string): string {
  if (label !== "$0") return label;
  const word = matched.toLowerCase().replace(/’/g, "'");
  if (/^(meet|met|discussions|negotiations)$/.test(word)) return "meeting";
  return word;
}

interface Cue {
  frame: StatusFrame;
  index: number;
  end: number;
  word: WordHit;
  background: boolean;
}

/** The first frame (in precedence order) that applies to a thread word in the sentence; pluperfect background last. */
function stateCue(raw: string, words: WordHit[]): Cue | undefined {
  const found: Cue[] = [];
  for (const frame of STATUS_FRAMES) {
    const match = frame.pattern.exec(raw);
    if (!match) continue;
    const index = match.index;
    const end = index + match[0].length;
    // "to be carried out", "could be held": a predicate under a modal is not what happened.
    if (frame.state !== "planned" && frame.state !== "proposed" && /\b(?:to\s+be|could\s+be|may\s+be|might\s+be|would\s+be|if|whether)\s+(?:\p{Ll}+ly\s+)?$/iu.test(raw.slice(Math.max(0, index - 20), index))) continue;
    const word = nearestWord(raw, words, index, end, frame);
    if (!word) continue;
    const background = /\bhad\s+(?:\p{Ll}+ly\s+)?$|\b(?:earlier|previously|first)\s+$/iu.test(raw.slice(Math.max(0, index - 20), index));
    found.push({ frame, index, end, word, background });
  }
  return found.find((c) => !c.background) ?? found[0];
}

/** The thread word the predicate is about: the closest one it may apply to, a noun after it preferred at equal distance. */
function nearestWord(raw: string, words: WordHit[], index: number, end: number, frame: StatusFrame): WordHit | undefined {
  let best: { word: WordHit; distance: number } | undefined;
  for (const word of words) {
    if (!frameApplies(frame, word.kind)) continue;
    let distance = word.start >= end ? word.start - end : word.end <= index ? index - word.end + 1 : 0;
    // "talks on the grain corridor would go ahead": a word inside a modifier is not what the predicate is about.
    // "The Union's monitoring mission, provided for in the framework, will begin": a word in an aside is not the subject.
    if (word.end <= index && /,[^,]*$/.test(raw.slice(0, word.start)) && /^[^,]*,\s*$/.test(raw.slice(word.end, index)) && words.some((w) => w.end <= word.start && /,/.test(raw.slice(w.end, word.start)))) distance += 1000;
    if (words.some((w) => w.end <= word.start && /^\s+(?:on|about|over|for)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}$/iu.test(raw.slice(w.end, word.start)))) distance += 1000;
    if (!best || distance < best.distance) best = { word, distance };
  }
  return best?.word;
}

interface Participant {
  key: string;
  display: string;
}

const NOT_TAKING_PART = /spokes|aide|official|press|adviser|advisor|office|ministry|correspondent|reporter/i;

/** Who takes part: names joined to the thread word ("the Lind–Brenner summit", "a ceasefire between A and B"), and the doer of a meeting verb. */
function participantsOf(raw: string, offset: number, word: WordHit, cue: Cue, mentions: NameMention[], context: StatusContext): Participant[] {
  const found: (Participant & { at: number })[] = [];
  const add = (p: Participant | undefined, at: number) => {
    if (p && !found.some((f) => f.key === p.key)) found.push({ ...p, at });
  };
  const local = (m: NameMention) => ({ start: m.start - offset, end: m.end - offset });
  // Before the word, within its noun phrase: "the Lind–Brenner summit", "Lind's call", "Kostrel Herald report".
  const phrase = /(?:(?:\p{Lu}[\p{L}’'.-]*|[–—-]|and|&)\s*(?:[’']s?\s*)?)+(?:(?!(?:the|a|an|for|with|to|of|in|on|at|by|from|that|this|its|his|her|their)\s)[\p{Ll}-]+\s+){0,2}$/u.exec(raw.slice(0, word.start));
  if (phrase) {
    for (const m of mentions) if (local(m).start >= phrase.index && local(m).end <= word.start) add(participant(m, word, context), local(m).start);
  }
  // After it: "between Arvenia and Kostrel", "with Putin", "with Varga's president, Oskar Lind".
  const after = raw.slice(word.end, word.end + 120);
  const link = /^\s*(?:(?:\p{Ll}+\s+){0,2})?(?:between|with|involving)\s+/u.exec(after);
  if (link) {
    let rest = after.slice(link[0].length);
    const possessiveRole = /^(?:the\s+)?\p{Lu}[\p{L}’'-]*[’']s\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+,\s*/u.exec(rest);
    const skip = possessiveRole ? possessiveRole[0].length : 0;
    rest = rest.slice(skip);
    const stop = rest.search(/[,;.]|\s(?:in|at|on|to|from|after|before|next|last|this|that|which|regarding|about|over|for)\s/);
    const from = word.end + link[0].length + skip;
    const end = from + (stop < 0 ? rest.length : stop);
    for (const m of mentions) if (local(m).start >= from && local(m).end <= end && !/^[’']s/.test(raw.slice(local(m).end))) add(participant(m, word, context), local(m).start);
  }
  // A verb of meeting or talking next to the word: its subject and object take part ("he spoke with Putin", "A and B will meet").
  const verbs = [...raw.matchAll(/\b(?:met|meet|spoke|speak|spoken|talked|phoned|called|signed|sign|visit|meeting(?=\s+(?:with\s+)?\p{Lu}))\b/giu)].filter((v) => Math.abs(v.index - word.start) <= 40);
  const verb = verbs[0];
  if (verb && (word.kind === "meeting" || word.kind === "call" || word.kind === "visit" || word.start === verb.index)) {
    const head = raw.slice(0, verb.index);
    const clauseStart = Math.max(head.search(/(?:[,;:]|\bthat\b|\bwhile\b|\bwhen\b)[^,;:]*$/) + 1, 0);
    const subjectText = raw.slice(clauseStart, verb.index);
    const pronoun = /\b(he|she)\s+(?:\p{Ll}+\s+){0,4}$/iu.exec(subjectText);
    if (pronoun) {
      const resolved = context.resolve({ kind: "pronoun", pronoun: pronoun[1]!.toLowerCase(), at: offset + clauseStart + pronoun.index });
      if (resolved?.kind === "person") add(personParticipant(resolved.person), clauseStart + pronoun.index);
    } else {
      for (const m of mentions) {
        const { start, end } = local(m);
        if (start < clauseStart || end > verb.index) continue;
        const between = raw.slice(end, verb.index);
        if (/^(?:\s*(?:,|and|&)\s*\p{Lu}.*|\s+(?:\p{Ll}+\s+){0,4})$/u.test(between)) add(participant(m, word, context), start);
      }
    }
    const object = /^\s*(?:with\s+|to\s+)?/.exec(raw.slice(verb.index + verb[0].length))!;
    const objectAt = verb.index + verb[0].length + object[0].length;
    const named = mentions.find((m) => local(m).start >= objectAt && local(m).start <= objectAt + 40 && !/[,;.]|\b(?:in|at|on|from|for|the)\s/.test(raw.slice(objectAt, local(m).start)));
    if (named) add(participant(named, word, context), local(named).start);
  }
  // A report's publisher: "The Kostrel Herald reported …", "… published a correction".
  if (word.kind === "report") {
    const publisher = mentions.find((m) => ORGANISATION_NAME.test(m.name) && !context.people.clusterOf(m).isPerson);
    if (publisher) add({ key: `org:${publisher.name}`, display: publisher.name }, local(publisher).start);
  }
  // Whoever proposes, plans or agrees to a meeting or a deal takes part in it ("Brenner proposed a summit with Lind").
  const proposes = ["proposed", "planned", "agreed", "claimed"].includes(String(cue.frame.state));
  if (proposes && (["plan", "deal"].includes(word.kind) || (["meeting", "call", "visit"].includes(word.kind) && found.length > 0))) {
    const subject = sentenceSubject(raw, offset, mentions, context);
    if (subject && !found.some((f) => f.key === subject.key)) found.push({ ...subject, at: -1 });
  }
  return found.sort((a, b) => a.at - b.at).map(({ key, display }) => ({ key, display }));
}

const ORGANISATION_NAME = /\b(?:Herald|Times|Post|News|Gazette|Tribune|Journal|Daily|Agency|Radio|TV|Television|Press|Telegraph|Observer|Review|Courier|Reuters|AP|TASS|Interfax|Wire|Monitor)\b/;

function participant(mention: NameMention, word: WordHit, context: StatusContext): Participant | undefined {
  const cluster = context.people.clusterOf(mention);
  if (cluster.isPerson) return personParticipant(cluster);
  const side = context.sides.sideNamed(mention.name);
  if (side) return { key: `side:${side.name}`, display: side.name };
  if (word.kind === "report" && ORGANISATION_NAME.test(mention.name)) return { key: `org:${mention.name}`, display: mention.name };
  // A lone surname the article never introduced ("the Lind–Brenner summit") is still a person, unless it names a place.
  if (!mention.name.includes(" ") && !cluster.isPlace && !context.isPlace(mention.name) && !ORGANISATION_NAME.test(mention.name) && /^\p{Lu}\p{Ll}/u.test(mention.name)) {
    return { key: `person:${cluster.name}`, display: cluster.name };
  }
  return undefined;
}

function personParticipant(person: PersonCluster): Participant | undefined {
  if (NOT_TAKING_PART.test(person.role ?? "")) return undefined;
  return { key: `person:${person.name}`, display: surname(person) };
}

/** The person or side a sentence is about: its first name after any opening phrase. */
function sentenceSubject(raw: string, offset: number, mentions: NameMention[], context: StatusContext, before = raw.length): Participant | undefined {
  const opener = /^\s*(?:(?:in|at|on|during|after|before|according\s+to|in\s+addition\s+to|despite|with|following)\b[^,]{0,80},\s*)/i.exec(raw);
  const from = opener ? opener[0].length : 0;
  const pronoun = /^\s*(he|she)\b/i.exec(raw.slice(from));
  if (pronoun) {
    const resolved = context.resolve({ kind: "pronoun", pronoun: pronoun[1]!.toLowerCase(), at: offset + from + pronoun.index });
    return resolved?.kind === "person" ? personParticipant(resolved.person) : undefined;
  }
  const first = mentions.find((m) => m.start - offset >= from && m.start - offset < before);
  if (!first) return undefined;
  const lead = raw.slice(from, first.start - offset).trim();
  if (lead !== "" && !/^(?:the\s+)?[\p{Ll}\s-]*$/u.test(lead) && !/^[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*)*$/u.test(lead)) return undefined;
  const cluster = context.people.clusterOf(first);
  if (cluster.isPerson) return personParticipant(cluster);
  const side = context.sides.sideNamed(first.name);
  return side ? { key: `side:${side.name}`, display: side.name } : undefined;
}

/** Places the sentence puts the thread in: "in Halden", "moved from Halden to Port Aldra", "the town of Vell". */
function placesOf(raw: string, offset: number, mentions: NameMention[], context: StatusContext): string[] {
  const places: string[] = [];
  for (const m of mentions) {
    const cluster = context.people.clusterOf(m);
    if (cluster.isPerson || context.sides.sideNamed(m.name) || ORGANISATION_NAME.test(m.name)) continue;
    if (/\b(?:in|at|to|from|near|of|out\s+of)\s+(?:the\s+)?$/i.test(raw.slice(Math.max(0, m.start - offset - 12), m.start - offset)) && !places.includes(m.name)) places.push(m.name);
  }
  return places.map((p) => `place:${p}`);
}

function threadFor(threads: Thread[], word: WordHit, participants: Participant[], places: string[]): Thread {
  const keys = participants.map((p) => p.key);
  const placeNames = places.map((p) => p.slice("place:".length));
  const candidates = threads.filter((t) => t.kind === word.kind);
  let thread =
    keys.length === 0
      ? candidates[candidates.length - 1]
      : candidates.find((t) => t.members.size === 0 || keys.every((k) => t.members.has(k)) || [...t.members].every((k) => keys.includes(k)));
  if (!thread) {
    thread = { kind: word.kind, name: "", aliases: [], participants: [], places: [], members: new Set(), label: word.label, items: 0 };
    threads.push(thread);
  }
  for (const p of participants) {
    if (thread.members.has(p.key)) continue;
    thread.members.add(p.key);
    thread.participants.push(p.display);
  }
  for (const place of placeNames) if (!thread.places.includes(place)) thread.places.push(place);
  // A more telling word names the thread: "summit" over "meeting", "humanitarian corridor" over "corridor".
  if (word.label.length > thread.label.length && word.label !== "leaders' meeting" && word.label !== "talks") thread.label = word.label;
  const name = threadName(thread);
  const spoken = word.label === "leaders' meeting" || word.label === "talks" ? [word.label] : [];
  for (const alias of [thread.name, name, ...spoken, ...thread.places.map((p) => `${p} ${thread.label}`)]) if (alias && !thread.aliases.includes(alias)) thread.aliases.push(alias);
  thread.name = name;
  return thread;
}

function threadName(thread: Thread): string {
  if (thread.participants.length > 0) return `${thread.participants.join("–")} ${thread.label}`;
  if (thread.places.length > 0) return `${thread.label} in ${thread.places[0]}`.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return thread.label.charAt(0).toUpperCase() + thread.label.slice(1);
}

function surname(person: PersonCluster): string {
  return person.name.split(" ").pop() ?? person.name;
}

/** The sentence as a one-line detail, quotes included. */
function detailOf(sentence: string): string {
  const line = sentence.replace(/\s+/g, " ").trim().replace(/[.]$/, "");
  return line.length <= 240 ? line : `${line.slice(0, 237).replace(/\s+\S*$/, "")}…`;
}

export type { Side };
