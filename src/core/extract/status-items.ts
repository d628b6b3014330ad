import type { QuoteAnalysis } from "./attribute-quotes.js";
import type { State } from "../schema.js";
import type { PeopleIndex, PersonCluster } from "./people-clusters.js";

/** Where one thing the story follows stands, as one sentence tells it. */
export interface FoundStatus {
  /** "Trump–Putin call": the people involved and the kind of event. */
  topic: string;
  /** Other ways to name the topic, for matching it to a story's topics. */
  topicAliases: string[];
  state: State;
  detail: string;
  at: number;
}

/** Phrases that tell a state, most specific first: "neither confirm nor deny" before "deny". */
const STATE_CUES: [RegExp, State | "confirmed-or-claimed"][] = [
  [/neither\s+confirm(?:ed|s)?\s+nor\s+den(?:y|ied|ies)|(?:could|would|did)\s+not\s+(?:immediately\s+)?confirm|declined\s+to\s+(?:confirm|comment)|(?:has|have)\s+yet\s+to\s+(?:comment|confirm|respond)|unconfirmed/i, "unconfirmed"],
  [/\bden(?:ied|ies|y)\b|\brejected\s+(?:the\s+)?(?:reports?|claims?)/i, "denied"],
  [/\b(?:cancell?ed|called\s+off|scrapped)\b/i, "cancelled"],
  [/\bviolat(?:ed|ion|ions)\b|\bbreach(?:ed)?\b/i, "violated"],
  [/\btook\s+effect\b|\bcame\s+into\s+force\b|\bin\s+effect\b/i, "in-effect"],
  [/\bagreed\s+(?:to|on)\b|\breached\s+(?:an?\s+)?(?:agreement|deal)\b|\bsigned\b/i, "agreed"],
  [/\bscheduled\s+(?:for|to)\b|\bset\s+for\b|\bwill\s+take\s+place\s+on\b/i, "scheduled"],
  [/\bplans?\s+to\b|\bplanned\b|\bintends?\s+to\b|\bis\s+expected\s+to\s+(?:meet|visit|travel|hold)|\bwill\s+(?:meet|visit|travel|hold)\b/i, "planned"],
  [/\bno\s+(?:specific\s+|firm\s+)?(?:date|time|venue|location)\b[^.]{0,60}\b(?:has|have)\s+been\s+(?:confirmed|set|fixed|agreed)|\bopen\s+to\s+(?:meeting|talks)|\bproposed\b|\bcould\s+take\s+place\b|\bpossible\s+(?:locations?|venues?)\b|\bis\s+seeking\b|\bwants\s+(?:a|to)\b/i, "proposed"],
  [/\b(?:met|held\s+talks|took\s+place|was\s+held)\b/i, "held"],
  [/\bcompleted\b/i, "completed"],
  [/\b(?:corrected|retracted)\b/i, "corrected"],
  [/\bconfirm(?:ed|s)\b|\b(?:says?|said|claim(?:ed|s)?|revealed)\s+(?:that\s+)?(?:he|she|they)\s+(?:had\s+|has\s+|have\s+)?(?:recently\s+)?(?:spoke|talked|met|possess(?:es)?|has|had)\b/i, "confirmed-or-claimed"],
];

/** Words that name the kind of event a status is about. */
const EVENTS: [RegExp, string][] = [
  [/\b(?:call|spoke|spoken|speak|phone|conversation|talked)\b/i, "call"],
  [/\b(?:meet|meeting|met|summit|talks|discussions|negotiations)\b/i, "meeting"],
  [/\b(?:minerals?|rare\s+earths?)\b/i, "minerals deal"],
  [/\b(?:ceasefire|truce)\b/i, "ceasefire"],
  [/\b(?:deal|agreement|accord|treaty)\b/i, "deal"],
  [/\b(?:plan|proposal)\b/i, "plan"],
  [/\b(?:visit|trip)\b/i, "visit"],
  [/\bsanctions?\b/i, "sanctions"],
  [/\b(?:signing|ceremony)\b/i, "signing"],
  [/\b(?:corridor|convoy|shipments?)\b/i, "corridor"],
];

/**
 * Status items: a sentence with a state phrase gives one item. Its topic is the kind of
 * event plus the people it names; a sentence naming nobody continues the last topic of
 * the same kind, which is how news refers back ("no date for such talks has been set").
 */
export function findStatus(analysis: QuoteAnalysis, people: PeopleIndex): FoundStatus[] {
  const { plain, sentences, mentions } = analysis;
  const items: FoundStatus[] = [];
  const topics: { event: string; people: PersonCluster[]; name: string }[] = [];
  let lastSubject: PersonCluster | undefined;
  for (const sentence of sentences) {
    const raw = plain.slice(sentence.start, sentence.end);
    const persons = mentions
      .filter((m) => m.start >= sentence.start && m.end <= sentence.end)
      .map((m) => ({ at: m.start - sentence.start, person: people.clusterOf(m) }))
      .filter((p) => p.person.isPerson);
    const subject = subjectOf(raw, persons) ?? (/^\s*(he|she)\b/i.test(raw.replace(OPENER, "")) ? lastSubject : undefined);
    const cue = firstMatch(raw, STATE_CUES);
    const event = cue ? eventAfter(raw, cue.index) : undefined;
    if (subject) lastSubject = subject;
    if (!cue || !event) continue;
    // Who takes part: the sentence's subject and whoever is named after the state phrase.
    const objects = persons.filter((p) => p.at > cue.index).map((p) => p.person);
    // Spokespeople talk about an event without taking part in it.
    const participants = unique([...(subject ? [subject] : []), ...objects]).filter((p) => !/spokes|aide|official|press|adviser|advisor/i.test(p.role ?? ""));
    let topic =
      participants.length === 0
        ? [...topics].reverse().find((t) => t.event === event.name)
        : topics.find((t) => t.event === event.name && participants.every((p) => t.people.includes(p)));
    if (!topic) {
      topic = { event: event.name, people: participants, name: topicName(participants, event.name) };
      topics.push(topic);
    }
    const claimant = subject;
    const state: State = cue.value === "confirmed-or-claimed" ? (claimant && topic.people.includes(claimant) ? "claimed" : "confirmed") : cue.value;
    const detail = raw.replace(/\s+/g, " ").trim().replace(/[.]$/, "");
    const same = items.find((i) => i.topic === topic!.name && i.state === state);
    if (same) same.detail = `${same.detail}; ${detail}`;
    else items.push({ topic: topic.name, topicAliases: [event.name, ...topic.people.map((p) => `${surname(p)} ${event.name}`)], state, detail, at: sentence.start });
  }
  return items;
}

const OPENER = /^\s*(?:(?:in|at|on|during|after|before|according\s+to|in\s+addition\s+to|despite|with|following)\b[^,]{0,80},\s*)/i;

/** The first person named after any opening phrase, when nothing else starts the sentence. */
function subjectOf(raw: string, persons: { at: number; person: PersonCluster }[]): PersonCluster | undefined {
  const opener = OPENER.exec(raw);
  const from = opener ? opener[0].length : 0;
  const first = persons.find((p) => p.at >= from);
  if (!first) return undefined;
  // "The White House has yet to comment on Trump's claims": a subject that is not a person comes first.
  const before = raw.slice(from, first.at).trim();
  return before === "" || /^[\p{Lu}][\p{L}]*(\s+[\p{Lu}][\p{L}]*)*$/u.test(before) || /^(the\s+)?[\p{Ll}\s-]*$/u.test(before) ? first.person : undefined;
}

function firstMatch<T>(text: string, cues: [RegExp, T][]): { index: number; value: T } | undefined {
  let best: { index: number; value: T } | undefined;
  for (const [pattern, value] of cues) {
    const match = pattern.exec(text);
    if (match && (!best || match.index < best.index)) best = { index: match.index, value };
  }
  return best;
}

/** The kind of event: the first event word after the state phrase, else the first anywhere. */
function eventAfter(raw: string, from: number): { index: number; name: string } | undefined {
  const found = EVENTS.map(([pattern, name]) => {
    const global = new RegExp(pattern.source, "gi");
    const all = [...raw.matchAll(global)].map((m) => m.index);
    return { name, after: all.find((i) => i >= from), any: all[0] };
  });
  const after = found.filter((f) => f.after !== undefined).sort((a, b) => a.after! - b.after!)[0];
  if (after) return { index: after.after!, name: after.name };
  const any = found.find((f) => f.any !== undefined);
  return any ? { index: any.any!, name: any.name } : undefined;
}

function topicName(people: PersonCluster[], event: string): string {
  if (people.length === 0) return event.charAt(0).toUpperCase() + event.slice(1);
  return `${people.map(surname).join("–")} ${event}`;
}

function surname(person: PersonCluster): string {
  return person.name.split(" ").pop() ?? person.name;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
