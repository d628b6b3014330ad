import type { QuoteAnalysis } from "./attribute-quotes.js";
import type { Firmness } from "../schema.js";
import { ANNOUNCED_LIST, CONDITION_FRAMES, type ConditionFrame, LIST_MEMBER, RANK, firmnessFrom } from "./condition-frames.js";
import type { ResolvedSpeaker } from "./resolve-speakers.js";
import type { SpeakerPhrase } from "./speaker-phrases.js";
import type { NameMention } from "./name-mentions.js";
import type { Side } from "./sides.js";
import { wordCount } from "./quoted-spans.js";
import { sameCondition } from "./same-condition.js";

/** One condition a side sets, on its own, as a short clause. */
export interface FoundCondition {
  holder?: ResolvedSpeaker;
  /** The side, when the sentence names it (a country as subject) or the holder's side is known. */
  side?: Side;
  text: string;
  firmness: Firmness;
  /** The frame that found it, for reading errors. */
  frame: string;
  at: number;
  /** Members of one list share its number, so "the third" can find the third of them. */
  list?: number;
}

export interface ConditionContext {
  resolve: (phrase: SpeakerPhrase) => ResolvedSpeaker | undefined;
  sideIn: (phrase: string | undefined) => Side | undefined;
  sideOfHolder: (holder: ResolvedSpeaker) => Side | undefined;
  /** The article's text with quotations intact, offsets as in the analysis. */
  text?: string;
  /** The direct quotes, with their resolved speakers: terms are often set in the speaker's own words. */
  quotes: { text: string; speaker: ResolvedSpeaker; at: number }[];
}

const MAX_WORDS = 25;

/** Where the demanded thing ends and the sentence goes on: "…, she said", "…, adding that …", "…, but …". */
const TRAILER = /\s*(?:,|—|–|\s-)\s*(?:(?:[\p{L}’'-]+\s+){1,4}(?:said|says|added|told|warned|insisted)\b|(?:said|says|according\s+to|calling|adding|saying|which|but|while|although|though)\b)/iu;

/**
 * Conditions: each sentence is read against the condition frames (condition-frames.ts, in
 * precedence order); a list frame gives one condition per member, and a list announced
 * ("three conditions") takes its members from the sentences that follow. The holder is the
 * sentence's subject (or the quote's speaker), the side the holder's. Repeats merge.
 */
export function findConditions(analysis: QuoteAnalysis, context: ConditionContext): FoundCondition[] {
  const { plain, sentences, mentions } = analysis;
  const found: FoundCondition[] = [];
  const original = context.text ?? plain;
  let last: { holder?: ResolvedSpeaker; side?: Side; firmness: Firmness; listOpen: boolean } | undefined;
  let lists = 0;
  sentences.forEach((sentence) => {
    const body = plain.slice(sentence.start, sentence.end).replace(/\s+$/, "");
    const told = original.slice(sentence.start, sentence.start + body.length);
    let owner = ownerOf(sentence.start, sentence.end, mentions, plain, context);
    // "The region has two preconditions …", "It wants …", "Twelve fighters must be freed": no named subject continues the last holder.
    if (!owner.holder && !owner.side && last && (last.holder || last.side) && !hasOwnSubject(body)) owner = { ...(last.holder ? { holder: last.holder } : {}), ...(last.side ? { side: last.side } : {}) };
    const member = LIST_MEMBER.exec(body);
    if (member && last?.listOpen) {
      const text = tidy(told.slice(member[0].length));
      if (readable(text)) found.push({ ...holderFields(last), text, firmness: firmnessFrom(body, last.firmness), frame: "list over sentences", at: sentence.start, list: lists });
      return;
    }
    const match = matchFrame(body, told);
    const announced = ANNOUNCED_LIST.test(body);
    if (announced) lists++;
    if (!match) {
      last = announced || owner.holder || owner.side ? { ...owner, firmness: firmnessFrom(body), listOpen: announced } : last && { ...last, listOpen: false };
      return;
    }
    // "These include A and B" continues the holder of the sentence before.
    const continues = /^(these|they|which|those)\b/i.test(body);
    const atCue = cueSubject(sentence.start + match.cueAt, mentions, plain, context);
    // "Drusenia insists that …, she said": the side right before the cue, the speaker holding the terms for it.
    const sideAtCue = atCue && !atCue.holder && owner.holder ? { holder: owner.holder, ...(atCue.side ? { side: atCue.side } : {}) } : atCue;
    const who = (continues && last ? { ...(last.holder ? { holder: last.holder } : {}), ...(last.side ? { side: last.side } : {}) } : undefined) ?? sideAtCue ?? owner;
    const firmness = firmnessFrom(continues && last ? body : body, match.frame.firmness ?? (continues && last ? last.firmness : "stated"));
    if (match.items.length > 1) lists++;
    for (const text of match.items) {
      if (!raiseListMember(found, text, firmness, sentence.start)) found.push({ ...holderFields(who), text, firmness, frame: match.frame.name, at: sentence.start, ...(match.items.length > 1 ? { list: lists } : {}) });
    }
    last = { ...who, firmness, listOpen: announced && match.items.length === 0 };
  });
  for (const quote of context.quotes) {
    const match = matchFrame(quote.text);
    if (!match || match.frame.notInQuotes) continue;
    // "Under no circumstances will Soravia accept …", he said: the quote names the side when the speaker's is unknown.
    const side = context.sideOfHolder(quote.speaker) ?? context.sideIn(quote.text);
    const firmness = firmnessFrom(quote.text, match.frame.firmness ?? "stated");
    for (const text of match.items.filter((t) => !/\b(?:we|us|our|i|me|my|you|your|they|them)\b/i.test(t))) {
      if (raiseListMember(found, text, firmness, quote.at)) continue;
      found.push({ holder: quote.speaker, ...(side ? { side } : {}), text, firmness, frame: `${match.frame.name} (in a quote)`, at: quote.at });
    }
  }
  found.sort((a, b) => a.at - b.at);
  // A holder whose side one sentence tells is on that side in the others too.
  for (const c of found) {
    if (c.side || !c.holder) continue;
    const known = found.find((o) => o.side && o.holder && sameOwner({ ...o, side: undefined } as FoundCondition, { ...c, side: undefined } as FoundCondition));
    if (known?.side) c.side = known.side;
  }
  return mergeRepeats(found);
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth"];

/**
 * "The third is our red line", after a list of three terms: not a term of its own but a word
 * on how firm the list's third one is. Raises that member's firmness and says it did.
 */
function raiseListMember(found: FoundCondition[], item: string, firmness: Firmness, at: number): boolean {
  const ordinal = /^(?:the\s+)?(first|second|third|fourth|fifth|last|latter)(?:\s+(?:one|condition|demand|point|term))?$/i.exec(item.trim());
  if (!ordinal) return false;
  const before = found.filter((c) => c.list !== undefined && c.at <= at);
  const list = before.at(-1)?.list;
  const members = before.filter((c) => c.list === list);
  const word = ordinal[1]!.toLowerCase();
  const member = word === "last" || word === "latter" ? members.at(-1) : members[ORDINALS.indexOf(word)];
  // An ordinal with no list before it is still no term.
  if (member && RANK[firmness] > RANK[member.firmness]) member.firmness = firmness;
  return true;
}

/**
 * A sentence whose subject is a name, even one not taken as a mention ("Varrasque told Morvenian
 * radio that …", "… , Brenner said"), does not continue the last holder; "It wants …" does.
 */
function hasOwnSubject(body: string): boolean {
  const verb = "(?:said|says|insist|demand|call|refus|want|told|warn|will|would|require)";
  if (new RegExp(`^\\s*(?!(?:It|They|He|She|We|This|That|These|Those|The|A|An|Its|Their|And|But)\\s)\\p{Lu}\\p{Ll}+\\s+${verb}`, "u").test(body)) return true;
  return new RegExp(`^\\s*(?:\\S+\\s+){0,6}?\\p{Lu}\\p{Ll}+\\s+${verb}`, "u").test(body.replace(/^\p{Lu}/u, "x"));
}

function holderFields(who: { holder?: ResolvedSpeaker; side?: Side }): { holder?: ResolvedSpeaker; side?: Side } {
  return { ...(who.holder ? { holder: who.holder } : {}), ...(who.side ? { side: who.side } : {}) };
}

/**
 * The frames whose items read as conditions, and their items: the first frame in precedence
 * order, then any later one that finds a different item in another part of the sentence
 * ("requires free access …, adding that the mission would not deploy until …").
 */
function matchFrame(body: string, told = body): { frame: ConditionFrame; items: string[]; cueAt: number } | undefined {
  let first: { frame: ConditionFrame; items: string[]; cueAt: number } | undefined;
  const spans: [number, number][] = [];
  for (const frame of CONDITION_FRAMES) {
    const match = new RegExp(frame.pattern.source, `${frame.pattern.flags}d`).exec(body);
    const at = match?.indices?.groups?.item;
    // Cues are read outside quotations; the item keeps any quoted words it holds ("the release of all 120 fighters “in one day”").
    if (!at) continue;
    const cueAt = match!.index;
    if (spans.some(([s, e]) => (cueAt >= s && cueAt < e) || (at[0] >= s && at[0] < e))) continue;
    // An item running into another frame's part of the sentence stops where that part begins.
    const stop = Math.min(at[1], ...spans.map(([s]) => s).filter((s) => s > at[0]));
    const raw = told.slice(at[0], stop);
    if (!raw.trim()) continue;
    // "no longer insists that …", "did not demand …": a term withdrawn or denied is none; what follows its clause may still be one.
    if (/\b(?:no\s+longer|not|n[’']t|never)\s+$/i.test(body.slice(Math.max(0, cueAt - 12), cueAt))) {
      spans.push([cueAt, at[0] + (TRAILER.exec(raw)?.index ?? raw.length)]);
      continue;
    }
    const items = (frame.list ? splitList(raw) : frame.negate ? [tidy(raw)] : splitClauses(tidy(raw))).map((item) => (frame.negate ? negated(item) : item)).filter(readable);
    if (items.length === 0) continue;
    spans.push([Math.min(cueAt, at[0]), stop]);
    if (!first) first = { frame, items, cueAt };
    else first.items.push(...items);
  }
  return first;
}

/** Who sets the terms: the sentence's subject, a person (with their side) or a side itself ("Kostrel refuses …"). */
function ownerOf(start: number, end: number, mentions: readonly NameMention[], plain: string, context: ConditionContext): { holder?: ResolvedSpeaker; side?: Side } {
  const subject = subjectOwner(start, end, mentions, plain, context);
  // "Arvenia will not sign … unless …, she said": the speaker holds the terms, the subject may name the side.
  // Also mid-sentence: "Drusenia insists that every ship be inspected, she said, and that …".
  const tail = /,\s*(?:(he|she)\s+(?:said|added|says|warned|insisted)|(?:said|added|says)\s+(he|she)|(?:said\s+)?(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)\s+(?:said|added|says|warned|insisted))\s*(?:\.?\s*$|,)/u.exec(plain.slice(start, end));
  if (!tail) return subject;
  const pronoun = tail[1] ?? tail[2];
  const named = tail[3] ? mentions.find((m) => m.start === start + tail.index + tail[0].indexOf(tail[3]!)) : undefined;
  const holder = pronoun ? context.resolve({ kind: "pronoun", pronoun: pronoun.toLowerCase(), at: start + tail.index + tail[0].indexOf(pronoun) }) : named ? context.resolve({ kind: "name", mention: named }) : undefined;
  if (!holder || (holder.kind === "person" && !holder.person.isPerson && !isLoneSurname(holder, context))) return subject;
  const side = subject.side ?? context.sideOfHolder(holder);
  return side ? { holder, side } : { holder };
}

/** A one-word name that is no side and no place: a surname the article never wrote in full. */
function isLoneSurname(holder: ResolvedSpeaker, context: ConditionContext): boolean {
  return holder.kind === "person" && !holder.person.name.includes(" ") && !holder.person.isPlace && !context.sideIn(holder.person.name);
}

function subjectOwner(start: number, end: number, mentions: readonly NameMention[], plain: string, context: ConditionContext): { holder?: ResolvedSpeaker; side?: Side } {
  const clause = plain.slice(start, end);
  const opener = /^\s*(?:(?:in|at|on|during|after|before|despite|with|following|speaking|asked)\b[^,]{0,80},\s*)/i.exec(clause);
  const from = start + (opener ? opener[0].length : 0);
  // The subject comes before the clause's first verb: in "The region has two preconditions: the withdrawal of Soravian troops", Soravia is no subject.
  const verb = /\b(?:has|have|had|is|are|was|were|will|would|could|can|said|says|told|wants?|insists?|insisted|demands?|demanded|calls?|called|requires?|required|refuses?|refused|must|set|laid|repeated|warned|added)\b/i.exec(plain.slice(from, end));
  const subjectEnd = verb ? from + verb.index : end;
  const first = mentions.find((m) => m.start >= from && m.start < subjectEnd);
  const lead = plain.slice(from, first ? first.start : subjectEnd);
  const pronoun = /\b(he|she)\b/i.exec(lead);
  if (pronoun) {
    const holder = context.resolve({ kind: "pronoun", pronoun: pronoun[1]!.toLowerCase(), at: from + pronoun.index });
    if (holder) return withSide(holder, context, clause);
  }
  // "The Arvenian government says …", "Kostreli officials insist …": a side named by its demonym.
  const sideFirst = context.sideIn(lead.split(/\b(?:said|says|insist|demand|call|refus|want|told|warn)/i)[0]);
  if (sideFirst && (!first || /^\s*(?:the\s+)?[\p{L}\s]*$/u.test(lead))) return { side: sideFirst };
  if (!first) {
    // "A government spokesman said Corvanne would only …": an unnamed speaker, the side the clause names.
    const side = reportedSide(clause, context);
    return side ? { side } : {};
  }
  const named = appositiveHolder(first, subjectEnd, mentions, plain, context);
  if (named) return named;
  const resolved = context.resolve({ kind: "name", mention: first });
  if (!resolved) return {};
  if (resolved.kind === "person" && !resolved.person.isPerson && !isLoneSurname(resolved, context)) {
    const side = context.sideIn(first.name);
    return side ? { side } : {};
  }
  return withSide(resolved, context, clause);
}

/** "Kestria's chief negotiator, Jurij Pavlenč, said …", "The leader of the Civic Bloc, Mikuláš Ďurovec, said …": the person named holds the terms, on the side the role names. */
function appositiveHolder(first: NameMention, subjectEnd: number, mentions: readonly NameMention[], plain: string, context: ConditionContext): { holder: ResolvedSpeaker; side?: Side } | undefined {
  const person = mentions.find((m) => m.start > first.end && m.start < subjectEnd);
  if (!person || !/^(?:[’']s\s+(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+)?,\s*$/u.test(plain.slice(first.end, person.start)) || !/^\s*,/.test(plain.slice(person.end))) return undefined;
  const holder = context.resolve({ kind: "name", mention: person });
  if (!holder || !isHolder(holder, context)) return undefined;
  const side = context.sideIn(first.name) ?? context.sideOfHolder(holder);
  return side ? { holder, side } : { holder };
}

/**
 * The one who sets the terms when a name stands right before the cue, whatever the sentence's
 * subject: "… by the Front's commander, Aram Tevosyan-Kade, who demanded …", "… after Kestria refused … until …".
 */
function cueSubject(cueAt: number, mentions: readonly NameMention[], plain: string, context: ConditionContext): { holder?: ResolvedSpeaker; side?: Side } | undefined {
  const mention = mentions.find((m) => m.end <= cueAt && /^(?:,\s*who|\s+(?:also|again|still|then|now|has|had|have))?\s*$/u.test(plain.slice(m.end, cueAt)));
  if (!mention) return undefined;
  const resolved = context.resolve({ kind: "name", mention });
  if (!resolved) return undefined;
  if (isHolder(resolved, context)) return withSide(resolved, context);
  const side = context.sideIn(mention.name);
  return side ? { side } : undefined;
}

/** A person, or a one-word name that is no side and no place: a surname the article never wrote in full. */
function isHolder(holder: ResolvedSpeaker, context: ConditionContext): boolean {
  return holder.kind !== "person" || holder.person.isPerson || isLoneSurname(holder, context);
}

function withSide(holder: ResolvedSpeaker, context: ConditionContext, clause = ""): { holder: ResolvedSpeaker; side?: Side } {
  const side = reportedSide(clause, context) ?? context.sideOfHolder(holder);
  return side ? { holder, side } : { holder };
}

/**
 * "Lindqvarn said that Soravia would not pull its troops …", "A spokesman said Corvanne would
 * only …": the side speaking is the reported clause's subject. Not in "… said the Diet must
 * vote first": whoever must do something is the one the terms are set for.
 */
function reportedSide(clause: string, context: ConditionContext): Side | undefined {
  const reported = /\b(?:said|says|told\s+\S+|added|warned|insisted)\s+(?:in\s+a\s+statement\s+|on\s+\p{Lu}\p{Ll}+\s+)?(?:that\s+)?(?:the\s+)?(\p{Lu}[\p{L}’'-]*)\s+(?:would|will|could|can|requires|required|wants|wanted|insists|insisted|demands|demanded|refuses|refused|is|was|has|had|needs|needed)\b/u.exec(clause);
  return reported ? context.sideIn(reported[1]) : undefined;
}

/** "A, B and the C", "first, A; second, B; and third, C" → one item each. */
function splitList(list: string): string[] {
  const cleaned = list.replace(/[.;]+$/, "");
  const parts = /;/.test(cleaned)
    ? cleaned.split(/;/)
    : cleaned.split(/,\s*(?:and\s+|or\s+)?(?=(?:the|a|an|its|their|his|her|first|second|third|fourth|finally|\p{Lu})\b)|\s+and\s+(?=(?:the|a|an|its|their|his|her|that)\s|\p{Lu})/u);
  return parts.map((part) => tidy(part.replace(/^\s*(?:and\s+|or\s+)?(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|finally|lastly)\b,?\s*/i, "")));
}

/** "only if sanctions are lifted and Russian ships can use Western insurers": two conditions, one per clause. */
function splitClauses(item: string): string[] {
  // "if the guns are pulled back …, and if the troops leave": each "if" opens a term of its own.
  const ifs = item.split(/,?\s+and\s+(?:if|once|when|that)\s+/u);
  if (ifs.length > 1 && ifs.every((p) => wordCount(p) >= 3)) return ifs.map(tidy);
  const parts = item.split(/,?\s+and\s+(?=(?:the|a|an|its|their|all|\p{Lu})[\p{L}’'-]*\s)/u);
  const clause = (p: string) => wordCount(p) >= 4 && /\b(?:is|are|be|been|can|will|must|should|has|have|leave|leaves|withdraw|withdraws|pull|pulls|return|returns|stay|stays|hand|hands|use|get|gets|lift|lifted|released?|recogni[sz]es?)\b/.test(p);
  return parts.length > 1 && parts.every(clause) ? parts.map(tidy) : [item];
}

/** The demanded thing on its own: no leading "that", no trailing attribution, at most about 25 words. */
function tidy(text: string): string {
  let item = text
    .replace(/\s+/g, " ")
    .replace(/^\s*(?:that|to|on)\s+/i, "")
    .replace(new RegExp(`${TRAILER.source}.*$`, "iu"), "")
    .replace(/\s+as\s+(?:a|an|its|his|her|their)\s+(?:[\p{L}-]+\s+)?(?:condition|demand|precondition)\b.*$/iu, "")
    .replace(/\s+(?:so\s+that|in\s+order\s+to)\s.*$/iu, "")
    // "… foreign troops on its soil, so the mission will have to be unarmed": what follows is a consequence, not a term.
    .replace(/,\s*(?:so|and\s+so|therefore|meaning)\s.*$/iu, "")
    .replace(/^(?:any|a|the|every)\s+(?:final\s+|peace\s+)?(?:deal|agreement|settlement|accord|treaty)\s+(?:must|should|would\s+have\s+to|has\s+to)\s+(?:include|contain|guarantee|provide\s+for|ensure)\s+/iu, "")
    .replace(/[\s,.;:]+$/, "")
    .trim();
  item = item.replace(/^(The|A|An|Any|All|Every)\s/, (w) => w.toLowerCase());
  if (wordCount(item) > MAX_WORDS) {
    const words = item.split(" ");
    const head = words.slice(0, MAX_WORDS).join(" ");
    const comma = head.lastIndexOf(",");
    item = comma > head.length / 2 ? head.slice(0, comma) : head;
  }
  return item;
}

function negated(item: string): string {
  return `no ${item.replace(/^(?:any|the|a|an)\s+/i, "")}`;
}

/** An item worth showing: a few words of real text, not a date or a blanked quote. */
function readable(item: string): boolean {
  if (wordCount(item) < 2) return false;
  if (!/\p{L}{3,}/u.test(item)) return false;
  // "them kept apart", "someone is watching it", "more than quiet": a pronoun or a comparison is no demanded thing.
  if (/^[“"]?(?:them|it|someone|something|anyone|anything|everyone|everything|nothing|this|that|more|less|him|her|us|me|you|so|too)\b/i.test(item)) return false;
  // "only under certain conditions" announces terms; it is none itself.
  if (/\b(?:certain|some|these|those|such|its|his|her|their|two|three|several)\s+(?:conditions|terms|circumstances|demands)$/i.test(item)) return false;
  if (/^(?:on|in|at|by)?\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|last\s+\w+|next\s+\w+)\b/i.test(item)) return false;
  // A blanked quotation leaves a run of spaces or bare marks.
  return !/[“”"]\s*[“”"]|\s{3,}/.test(item);
}

/** A condition restated in the same article keeps its first wording and the firmest firmness. */
function mergeRepeats(conditions: FoundCondition[]): FoundCondition[] {
  const kept: FoundCondition[] = [];
  for (const condition of conditions) {
    const same = kept.find((k) => sameOwner(k, condition) && sameCondition(k.text, condition.text));
    if (!same) kept.push(condition);
    else if (RANK[condition.firmness] > RANK[same.firmness]) same.firmness = condition.firmness;
  }
  return kept;
}

function sameOwner(a: FoundCondition, b: FoundCondition): boolean {
  if (a.side && b.side) return a.side.name === b.side.name;
  const name = (c: FoundCondition) => (c.holder?.kind === "person" ? c.holder.person.name : c.holder?.description ?? "");
  return name(a) === name(b);
}

