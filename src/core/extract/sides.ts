import type { NameMention } from "./name-mentions.js";
import { KNOWN_PARTIES, partyOf } from "./parties.js";
import type { PeopleIndex, PersonCluster } from "./people-clusters.js";

/** A side of the story as one article names it: a country, an organisation, a camp. */
export interface Side {
  name: string;
  /** Words in the text that stand for it: the name, its demonym, its capital or seat. */
  cues: string[];
}

/** Nouns that make the name before them a side: "Kostrel's government", "the Arvenian army". */
const SIDE_NOUNS = "terms|demands|spokes(?:man|woman|person)|commander|envoy|chief|fighters|government|army|forces|troops|military|foreign\\s+ministry|ministry|parliament|delegation|officials|leaders?|president|prime\\s+minister|foreign\\s+minister|defen[cs]e\\s+minister|negotiators?|side|authorities|embassy|soldiers|militias?|pilots|prisoners";
/** Organisations that stand for a side in talks whatever their name. */
const ORGANISATION = /\b(United Nations|UN|NATO|EU|European Union|Red Cross|African Union|OSCE|ICRC|Alliance|League|Council|Commission|Front|Movement|Coalition|Union|Bloc|Assembly|Diet|Parliament|Congress|Party|Church|Churches|Committee|Organisation|Organization)\b/;

export interface SideIndex {
  sides: Side[];
  /** The side a phrase names or implies ("Kostreli troops", "Kremlin spokesman"). */
  sideIn(phrase: string | undefined): Side | undefined;
  /** The side a person speaks for, read from their role and the words around their name. */
  sideOf(person: PersonCluster): Side | undefined;
  /** The side a whole name is, not one it merely contains ("Kostrel Herald" is no side). */
  sideNamed(name: string): Side | undefined;
}

/** What the story already knows: its parties, and the side each of its people is on. */
export interface KnownSides {
  parties?: readonly { name: string; aliases: readonly string[] }[];
  personSide?: (name: string) => string | undefined;
}

/**
 * Finds the sides an article deals with: the known countries and blocs it names, and any
 * other name it treats as a side: one with a demonym in the text (Arvenia/Arvenian), one
 * that owns a government noun ("Kostrel's prime minister") or an organisation.
 */
export function findSides(plain: string, mentions: readonly NameMention[], people: PeopleIndex, known: KnownSides = {}): SideIndex {
  const sides: Side[] = [];
  const add = (name: string, cues: readonly string[]) => {
    const known = sides.find((s) => s.name === name);
    if (known) {
      for (const cue of cues) if (!known.cues.includes(cue)) known.cues.push(cue);
      return;
    }
    sides.push({ name, cues: [...new Set([name, ...cues])] });
  };
  for (const party of known.parties ?? []) if ([party.name, ...party.aliases].some((cue) => containsWord(plain, cue))) add(party.name, party.aliases);
  for (const party of KNOWN_PARTIES) if (party.cues.some((cue) => containsWord(plain, cue))) add(party.name, party.cues);
  const words = new Set((plain.match(/\p{Lu}[\p{L}’'-]+/gu) ?? []).map((w) => w.replace(/[’']s?$/u, "")));
  // A country opening every sentence it is in is no mention (mentions skip lone sentence openers), but its demonym still shows it.
  const openers = [...words].filter((w) => /^\p{Lu}\p{Ll}{3,}$/u.test(w) && ([...words].some((d) => d !== w && isDemonymOf(d, w)) || new RegExp(`\\b${escape(w)}[’']s\\s+(?:(?:federal|national|central|interim|new|own|military|elected|transitional)\\s+)?(?:${SIDE_NOUNS})\\b`, "u").test(plain)));
  const names = [...new Set([...mentions.map((m) => m.name), ...openers])];
  for (const name of names) {
    const cluster = people.clusters.find((c) => c.name === name || c.aliases.includes(name));
    if (cluster?.isPerson) continue;
    if (partyOf(name)) continue;
    const demonym = name.includes(" ") ? undefined : [...words].find((w) => w !== name && isDemonymOf(w, name));
    // "Kostrel's prime minister", "Corvanne's federal government": it has a government, so it is a side.
    const owns = new RegExp(`\\b${escape(name)}[’']s\\s+(?:(?:federal|national|central|interim|new|own|military|elected|transitional)\\s+)?(?:${SIDE_NOUNS})\\b|\\b(?:${SIDE_NOUNS})\\s+of\\s+${escape(name)}\\b`, "u").test(plain);
    // "Arvenia will not sign …", "a ceasefire between Arvenia and Kostrel": a one-word name acting as a side.
    const acts = !name.includes(" ") && !cluster?.isPlace && new RegExp(`(?:^\\s*|[.!?]\\s+|\\n\\s*)${escape(name)}\\s+(?:will|would|calls|called|refuses|refused|demands|demanded|blamed|wants|rejected|accused|agreed|accepted|launched|shelled)\\b`, "u").test(plain) && !new RegExp(`\\b(?:in|at|to|from|near|of)\\s+${escape(name)}\\b`, "u").test(plain);
    const between = !name.includes(" ") && new RegExp(`\\b(?:ceasefire|truce|war|conflict|border|fighting|hostilities|peace)\\s+between\\s+(?:${escape(name)}\\s+and\\s+\\p{Lu}|\\p{Lu}[\\p{L}-]+\\s+and\\s+${escape(name)}\\b)`, "u").test(plain) && !cluster?.aliases.length;
    if (demonym || owns || acts || between || ORGANISATION.test(name)) add(name, demonym ? [demonym] : []);
  }
  // "The Sarn Liberation Front …", later "the Front's commander": an organisation goes by its head noun once named in full.
  for (const side of [...sides]) {
    const head = /\s(\p{Lu}\p{Ll}+)$/u.exec(side.name)?.[1];
    if (!head || !ORGANISATION.test(head) || !new RegExp(`\\bthe\\s+${head}\\b`, "u").test(plain)) continue;
    if (sides.some((s) => s !== side && s.name !== head && s.cues.includes(head))) continue;
    const alone = sides.findIndex((s) => s.name === head);
    if (alone >= 0) sides.splice(alone, 1);
    if (!side.cues.includes(head)) side.cues.push(head);
  }
  const sideIn = (phrase: string | undefined): Side | undefined => {
    if (!phrase) return undefined;
    let best: { side: Side; at: number } | undefined;
    for (const side of sides) {
      for (const cue of side.cues) {
        const at = wordIndex(phrase, cue);
        if (at >= 0 && (!best || at < best.at)) best = { side, at };
      }
    }
    return best?.side;
  };
  const memo = new Map<PersonCluster, Side | undefined>();
  const sideOf = (person: PersonCluster): Side | undefined => {
    if (memo.has(person)) return memo.get(person);
    const told = known.personSide?.(person.name);
    let side = told ? sides.find((s) => s.name === told) ?? (add(told, []), sides.find((s) => s.name === told)) : undefined;
    side ??= sideIn(person.role);
    // "Kostrel's prime minister, Tomas Brenner," / "Tomas Brenner, Kostrel's prime minister," / "a spokesman for Lind".
    for (const mention of mentions) {
      if (side) break;
      if (people.clusterOf(mention) !== person) continue;
      const before = /(?:^|[.;!?])([^.;!?]{0,60})$/.exec(plain.slice(Math.max(0, mention.start - 60), mention.start))?.[1] ?? "";
      const possessive = /(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)[’']s\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+,?\s*$/u.exec(before);
      if (possessive) side = sideIn(possessive[1]);
      const appositive = /^,\s*([^,;.]{3,80})[,;.]/u.exec(plain.slice(mention.end, mention.end + 90));
      // "Its spokesman, Ferran …": the side the sentence before was about.
      if (!side && /\b(?:its|their)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+,?\s*$/iu.test(before)) side = lastSideBefore(mention.start);
      const heads = /^,?\s*who\s+(?:heads|leads|chairs|runs|represents|speaks\s+for)\s+(?:the\s+)?([^,;.]{3,60})/u.exec(plain.slice(mention.end, mention.end + 80));
      if (!side && heads) side = sideIn(heads[1]);
      if (!side && appositive && /\b(?:minister|president|spokes\w+|envoy|leader|official|chief|negotiator|ambassador|commander|head|secretary|adviser|advisor|general)\b/i.test(appositive[1]!)) side = sideIn(appositive[1]);
    }
    // A minister or president of no named country serves the side the article is most about.
    if (!side && /\b(?:minister|president|prime|premier|chancellor|government|defen[cs]e|interior|foreign)\b/i.test(person.role ?? "")) side = dominant();
    memo.set(person, side);
    return side;
  };
  const lastSideBefore = (at: number): Side | undefined => {
    let best: { side: Side; at: number } | undefined;
    for (const side of sides) {
      for (const cue of side.cues) {
        for (const m of plain.slice(Math.max(0, at - 400), at).matchAll(new RegExp(`(?:^|[^\\p{L}])${escape(cue)}(?=[^\\p{L}]|$)`, "gu"))) {
          if (!best || m.index > best.at) best = { side, at: m.index };
        }
      }
    }
    return best?.side;
  };
  const dominant = (): Side | undefined => {
    const counts = sides.filter((s) => !ORGANISATION.test(s.name)).map((side) => ({ side, n: side.cues.reduce((n, cue) => n + (plain.match(new RegExp(`(?:^|[^\\p{L}])${escape(cue)}(?=[^\\p{L}]|$)`, "gu"))?.length ?? 0), 0) }));
    counts.sort((a, b) => b.n - a.n);
    return counts[0] && counts[0].n > 0 && (!counts[1] || counts[0].n > counts[1].n) ? counts[0].side : undefined;
  };
  const bare = (t: string) => t.replace(/\./g, "");
  const sideNamed = (name: string) => sides.find((s) => s.cues.some((cue) => bare(cue) === bare(name)));
  return { sides, sideIn, sideOf, sideNamed };
}

/** "Arvenian" is the demonym of "Arvenia", "Kostreli" of "Kostrel", "Ukrainian" of "Ukraine". */
export function isDemonymOf(word: string, name: string): boolean {
  if (word.length <= name.length || !/^\p{Lu}\p{Ll}+$/u.test(name) || name.length < 4) return false;
  const stem = name.replace(/[aeiouy]$/u, "");
  return word.startsWith(stem) && /^(?:[aeiouy]?(?:n|an|ian|ean|ese|i|ic|ish|ite|er|ot|iot))$/u.test(word.slice(stem.length));
}

function containsWord(text: string, word: string): boolean {
  return wordIndex(text, word) >= 0;
}

function wordIndex(text: string, word: string): number {
  const match = new RegExp(`(^|[^\\p{L}])${escape(word)}(?=[^\\p{L}]|$)`, "u").exec(text);
  return match ? match.index + match[1]!.length : -1;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
