import type { State } from "../schema.js";

/** What a status thread is about. One real-world thing of one kind is one thread. */
export type ThreadKind =
  | "call"
  | "meeting"
  | "ceasefire"
  | "corridor"
  | "exchange"
  | "deal"
  | "monitoring mission"
  | "withdrawal"
  | "sanctions"
  | "referendum"
  | "vote"
  | "report"
  | "plan"
  | "visit";

/** The words that name a thread of each kind, and the name to show when the text gives no better one. */
export interface ThreadWord {
  kind: ThreadKind;
  pattern: RegExp;
  /** The noun the thread's name ends with; `$0` keeps the matched words ("summit", "leaders' meeting"). */
  label: string;
}

/** First match of a position wins, so longer phrases come before the words inside them. */
export const THREAD_WORDS: readonly ThreadWord[] = [
  { kind: "monitoring mission", pattern: /\b(?:(?:international\s+|ceasefire\s+)?monitoring\s+mission|observer\s+mission|(?:international\s+)?monitors)\b/i, label: "monitoring mission" },
  { kind: "corridor", pattern: /\b(?:humanitarian\s+corridor|evacuation\s+corridor|safe\s+passage|corridor)\b/i, label: "$0" },
  { kind: "exchange", pattern: /\b(?:prisoner\s+(?:exchange|swap)|exchange\s+of\s+prisoners|swap|(?<!in\s)exchange)\b/i, label: "prisoner exchange" },
  { kind: "ceasefire", pattern: /\b(?:ceasefire|cease-fire|truce|armistice)\b/i, label: "ceasefire" },
  { kind: "withdrawal", pattern: /\b(?:withdrawal|pullback|pull-out|pullout)\b/i, label: "withdrawal" },
  { kind: "sanctions", pattern: /\bsanctions\b/i, label: "sanctions" },
  { kind: "referendum", pattern: /\breferend(?:um|a)\b/i, label: "referendum" },
  { kind: "vote", pattern: /\b(?:vote|ballot)\b/i, label: "vote" },
  { kind: "report", pattern: /\b(?:report(?:ed)?|correction|article|claims?(?=\s+that\b)|(?<=made\s+the\s+)claim)\b/i, label: "report" },
  { kind: "deal", pattern: /\b(?:minerals?|rare\s+earths?)\b/i, label: "minerals deal" },
  { kind: "deal", pattern: /\b(?:deal|agreement|accord|treaty|pact|framework)\b/i, label: "$0" },
  { kind: "call", pattern: /\b(?:phone\s+call|call|phoned|spoke|spoken|speak|talked\s+by\s+phone|by\s+phone|conversation)\b/i, label: "call" },
  { kind: "meeting", pattern: /\b(?:leaders[’']\s+meeting|summit|meeting|meet|met|talks|discussions|negotiations)\b/i, label: "$0" },
  { kind: "plan", pattern: /\bplan\s+to\s+end\b|\bpeace\s+plan\b/i, label: "plan" },
  { kind: "visit", pattern: /\b(?:visit|trip)\b/i, label: "visit" },
];

/** A state a predicate gives; some predicates mean different states for different kinds ("the truce held"). */
export interface StatusFrame {
  name: string;
  pattern: RegExp;
  state: State | "confirmed-or-claimed";
  /** Kind-specific states that replace `state`. */
  byKind?: Partial<Record<ThreadKind, State>>;
  /** Kinds the frame applies to; others skip it. */
  kinds?: readonly ThreadKind[];
}

const EVENT_KINDS: readonly ThreadKind[] = ["ceasefire", "corridor", "exchange", "deal", "withdrawal", "monitoring mission", "sanctions"];

/**
 * Predicates that tell a thread's state, in precedence order: a sentence takes the first
 * frame that matches outside a background clause ("had denied"), so "neither confirm nor
 * deny" comes before "deny", and "no date has been confirmed" before "confirmed".
 */
export const STATUS_FRAMES: readonly StatusFrame[] = [
  { name: "neither confirm nor deny", pattern: /\bneither\s+confirm(?:ed|s)?\s+nor\s+den(?:y|ied|ies)|\b(?:could|would|did|does|will)\s*(?:not|n[’']t)\s+(?:immediately\s+|independently\s+)?(?:confirm|verify)|\bdeclined\s+to\s+(?:confirm|comment)|\b(?:has|have)\s+(?:yet\s+to|not)\s+(?:comment|confirm|respond)|\bunconfirmed\b|\bno\s+(?:official\s+)?confirmation\b/i, state: "unconfirmed" },
  { name: "correction", pattern: /^\s*(?:[\p{L}\s]{0,40}—\s*)?CORRECTION\b|\bcorrection\s*:|\b(?:published|issued|ran|printed)\s+(?:a\s+)?correction\b|\bcorrected\s+(?:its|the|a|an)\b|\bretract(?:ed|s)\b|\bwithdrew\s+(?:its|the)\s+report\b/iu, state: "corrected" },
  { name: "denied", pattern: /\bden(?:ied|ies|y)\b|\bdismissed\s+(?:the\s+|a\s+|such\s+)?(?:reports?|claims?)|\brejected\s+(?:the\s+|a\s+)?(?:reports?|claims?)|\bno\s+such\s+\w+\s+(?:took\s+place|happened|exists?)|\bthere\s+(?:was|were|has\s+been|had\s+been)\s+no\s+(?:such\s+)?(?:(?:phone|telephone)\s+)?(?:call|conversation|meeting|talks|summit|deal|agreement|exchange)\b/i, state: "denied" },
  { name: "acknowledged", pattern: /\b(?:acknowledged|admitted|acknowledges|admits)\b/i, state: "confirmed" },
  { name: "no date yet", pattern: /\bno\s+(?:specific\s+|firm\s+)?(?:date|time|venue|location)\b[^.]{0,60}\b(?:has|have)\s+(?:yet\s+)?been\s+(?:confirmed|set|fixed|agreed)/i, state: "proposed" },
  { name: "cancelled", pattern: /\b(?:cancell?ed|called\s+off|scrapped|abandoned|will\s+not\s+(?:take\s+place|go\s+ahead)|pulled\s+out\s+of)\b/i, state: "cancelled" },
  { name: "violated", pattern: /\bviolat(?:ed|ing|ion|ions)\b|\bbr(?:oke|eaks?)\s+down\b|\bcollapsed\b|\bbreach(?:ed|es)?\b|\bbroken\b/i, state: "violated" },
  { name: "took effect", pattern: /\btook\s+effect\b|\bcame\s+into\s+(?:force|effect)\b|\bwent\s+into\s+effect\b|\b(?:is|was|has\s+been|remains?)\s+(?:largely\s+|still\s+)?holding\b|\bheld\s+(?:overnight|firm|through)\b|\bremains?\s+in\s+(?:place|effect|force)\b|\bin\s+effect\b|\bbegan\s+operating\b|\b(?:is|are|was|were|has\s+been|have\s+been|remains?|stayed)\s+(?:now\s+|still\s+)?open\b|\bworking\s+normally\b/i, state: "in-effect" },
  { name: "opened", pattern: /\b(?:opened|reopened)\b/i, state: "in-effect", byKind: { meeting: "held" } },
  { name: "agreed to meet", pattern: /\bagreed\s+to\s+(?:hold|meet|resume|convene)\b/i, state: "planned" },
  { name: "completed", pattern: /\b(?:completed|completing|carried\s+out|finished|concluded)\b|\b(?:is|are|was|were|has\s+been|is\s+now)\s+(?:now\s+)?(?:complete|done)\b/i, state: "completed", byKind: { meeting: "held", call: "held", vote: "held", referendum: "held" } },
  { name: "agreed", pattern: /\bagreed\s+(?:to|on|upon)\b|\breached\s+(?:an?\s+)?(?:agreement|deal|accord)\b|\bsigned\b|\bstruck\s+(?:an?\s+)?(?:deal|agreement)\b|\bagreed\b/i, state: "agreed" },
  { name: "took place", pattern: /\btook\s+place\b|\b(?:was|were)\s+held\b|\bheld\s+(?:talks|a\s+meeting|their\s+meeting|the\s+summit)\b|\bconvened\b|\bsat\s+down\b|\btalking\s+for\b/i, state: "held", byKind: { exchange: "completed", withdrawal: "completed", ceasefire: "in-effect", corridor: "in-effect", vote: "held", referendum: "held" } },
  { name: "met", pattern: /\bmet\b/i, state: "held", kinds: ["meeting"] },
  { name: "voted", pattern: /\bvoted\b|\bwent\s+to\s+the\s+polls\b/i, state: "held", kinds: ["vote", "referendum"] },
  // "The Council announced a referendum for October": announced, it is set, not yet held.
  { name: "announced", pattern: /\bannounced\b/i, state: "planned", kinds: ["referendum", "vote", "meeting"] },
  { name: "reported", pattern: /\breported\s+(?:that|on)\b|\bclaimed\s+(?:that|to\s+have|he|she|they|it)\b|\balleged\b|\b(?:says?|said|claims?|revealed)\s+(?:that\s+)?(?:he|she|they)\s+(?:had\s+|has\s+|have\s+)?(?:recently\s+)?(?:spoke|talked|met|possess(?:es)?)\b/i, state: "claimed" },
  { name: "planned", pattern: /\b(?:will|would)\s+(?:meet|hold|travel|visit|sign|vote|begin|start|deploy|resume|take\s+place|be\s+held|go\s+ahead)\b|\bplans?\s+to\b|\bplanned\b|\bscheduled\b|\bset\s+(?:for|to)\b|\bmoved\s+(?:from|to)\b|\bhas\s+been\s+moved\b|\bpostponed\b|\brescheduled\b|\brelocated\b|\b(?:is|are)\s+expected\s+to\s+(?:meet|take\s+place|be\s+held|hold)\b|\bdue\s+to\s+(?:meet|take\s+place|be\s+held|begin)\b|^\s*[^.]{0,80}\bto\s+meet\s+(?:in|on|next|this)\b/i, state: "planned" },
  { name: "proposed", pattern: /\b(?:proposed|offered|suggested|floated|invited)\b|\bopen\s+to\s+(?:meeting|talks|a\b)|\bcould\s+take\s+place\b|\bpossible\s+(?:locations?|venues?|dates?)\b|\b(?:is|are)\s+seeking\b|\bcall(?:s|ed)?\s+for\b|\bwants?\s+(?:a|an)\b|\bproposal\b/i, state: "proposed" },
  { name: "confirmed", pattern: /\bconfirm(?:ed|s)\b/i, state: "confirmed-or-claimed" },
];

/** Kinds a frame may not touch: a summit is not "signed", a call does not "take effect". */
export function frameApplies(frame: StatusFrame, kind: ThreadKind): boolean {
  if (frame.kinds && !frame.kinds.includes(kind)) return false;
  if (frame.state === "in-effect" && !frame.byKind?.[kind] && !EVENT_KINDS.includes(kind)) return false;
  return true;
}

export function stateFor(frame: StatusFrame, kind: ThreadKind): State | "confirmed-or-claimed" {
  return frame.byKind?.[kind] ?? frame.state;
}

/** Where a state sits in a thread's life; within one article, items are told in this order unless the text says otherwise. */
export const PHASE: Partial<Record<State, number>> = { proposed: 0, planned: 1, scheduled: 1, agreed: 2, held: 3, "in-effect": 3, completed: 4, violated: 4, cancelled: 5 };
