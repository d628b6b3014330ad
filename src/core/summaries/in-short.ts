import type { State } from "../schema.js";
import type { Condition, StatusItem } from "../story.js";
import type { Topic } from "../schema.js";

/**
 * One sentence of news made from structured changes alone, in our own words:
 * "The summit was held; the ceasefire was violated again; Russia set 2 new conditions".
 */

export interface ChangedThread {
  topic: Topic;
  /** The state the reader last knew of; absent for a thread new to them. */
  from?: StatusItem;
  /** The thread's items that are new to the reader, oldest first (at least the current one). */
  steps: readonly StatusItem[];
}

const PHRASES: Record<State, string> = {
  claimed: "was claimed",
  unconfirmed: "is unconfirmed",
  denied: "was denied",
  confirmed: "was confirmed",
  proposed: "was proposed",
  planned: "is planned",
  scheduled: "was scheduled",
  held: "was held",
  agreed: "was agreed",
  "in-effect": "took effect",
  violated: "was violated",
  completed: "was completed",
  cancelled: "was cancelled",
  corrected: "was corrected",
};
/** The participle alone, for a second step in the same clause ("was claimed, then unconfirmed"). */
const SHORT: Record<State, string> = {
  ...PHRASES,
  claimed: "claimed",
  unconfirmed: "unconfirmed",
  denied: "denied",
  confirmed: "confirmed",
  proposed: "proposed",
  planned: "planned",
  scheduled: "scheduled",
  held: "held",
  agreed: "agreed",
  violated: "violated",
  completed: "completed",
  cancelled: "cancelled",
  corrected: "corrected",
};

const MAX_CLAUSES = 3;

export function threadClause(thread: ChangedThread, earlier: readonly StatusItem[] = []): string {
  // Repeated same-state updates say nothing new; keep each change of state once.
  const states: State[] = [];
  for (const step of thread.steps) if (states.at(-1) !== step.state && !(states.length === 0 && thread.from?.state === step.state)) states.push(step.state);
  const name = /^the\b/i.test(thread.topic.name) ? thread.topic.name : `the ${thread.topic.name}`;
  if (states.length === 0) return `${name}: new details, still ${SHORT[thread.steps.at(-1)!.state]}`;
  const last = states.at(-1)!;
  // "again": the thread had been in this state before the news the reader is catching up on.
  const again = states.length === 1 && earlier.some((item) => item.state === last) ? " again" : "";
  const tail = states.slice(0, -1).map((s) => SHORT[s]);
  const verbs = tail.length > 0 ? `${PHRASES[states[0]!]}, then ${[...tail.slice(1), SHORT[last]].join(", then ")}` : `${PHRASES[last]}${again}`;
  // "Pay talks were held", "the summit was held": a last word in -s (not -ss, -us, -is) reads as plural.
  const plural = /[^su]s$|[^i]s$/.test(thread.topic.name) && !/(ss|us|is)$/i.test(thread.topic.name);
  return `${name} ${plural ? verbs.replace(/^was\b/, "were").replace(/^is\b/, "are") : verbs}`;
}

export function inShort(input: { threads: readonly ChangedThread[]; conditions: readonly Condition[]; articles: number; earlier?: (topicId: string) => readonly StatusItem[] }): string {
  const clauses = input.threads.slice(0, MAX_CLAUSES).map((t) => threadClause(t, input.earlier?.(t.topic.id) ?? []));
  const more = input.threads.length - MAX_CLAUSES;
  if (more > 0) clauses.push(`${more} more thread${more === 1 ? "" : "s"} moved`);
  const parties = new Map<string, number>();
  for (const c of input.conditions) parties.set(c.party.name, (parties.get(c.party.name) ?? 0) + 1);
  for (const [party, count] of [...parties].slice(0, 2)) clauses.push(`${party} set ${count} new condition${count === 1 ? "" : "s"}`);
  if (clauses.length === 0) clauses.push(input.articles > 0 ? `${input.articles} new article${input.articles === 1 ? "" : "s"}, with no change of state` : "nothing new");
  const sentence = clauses.join("; ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
