import type { Found, Scene } from "./quote-scene.js";
import type { SpeakerPhrase } from "./speaker-phrases.js";

/** `As X put it, "..."`: X is whoever comes after the last "as" before "put it". */
const AS_PUT_IT = /\b[Aa]s\s+((?:(?!\bas\s)[^;:“”"]){1,140}?)\s+(?:\p{Ll}+ly\s+)?(?:put|puts|has\s+put)\s+it\b[^“”"]{0,100}$/u;
/** `under what Haddad called "..."`, right before the quote. */
const WHAT_X_CALLED = /\bwhat\s+((?:[\p{Lu}]|(?:the|a|an|one|his|her|their)\s)[^,;:“”"]{0,60}?)\s+(?:\p{Ll}+ly\s+)?(?:called|calls|has\s+called|termed|terms|dubbed|dubs|described\s+as|describes\s+as)\s*$/u;
/** `"...," as X put it.` */
const AS_PUT_IT_AFTER = /^[\s,—–-]*as\s+(.{1,140}?)\s+(?:\p{Ll}+ly\s+)?(?:put|puts|has\s+put)\s+it\b/u;

/** The writer naming whose words a quote is: `As X put it, "..."`, `"...," as X put it`, `what X called "..."`. */
export function framedAsTheirWords(scene: Scene, sentenceStart: number, beforeText: string, afterStart: number, after: string): Found | undefined {
  const before = AS_PUT_IT.exec(beforeText) ?? WHAT_X_CALLED.exec(beforeText);
  const later = before ? undefined : AS_PUT_IT_AFTER.exec(after);
  const match = before ?? later;
  if (!match) return undefined;
  const from = (before ? sentenceStart : afterStart) + match.index + match[0].indexOf(match[1]!);
  const speaker = phraseAt(scene, from, from + match[1]!.length);
  return speaker && { speaker, rule: "as X put it" };
}

/** A name opening the phrase (after lower-case role words: "engineer Omar Haddad"), else the phrase as a description. */
function phraseAt(scene: Scene, from: number, to: number): SpeakerPhrase | undefined {
  const phrase = scene.plain.slice(from, to).trim();
  if (/^(he|she|they|it|we|i|this|that)$/i.test(phrase)) return undefined;
  const named = scene.mentions.find((m) => m.start >= from && m.end <= to);
  const lead = named ? scene.plain.slice(from, named.start) : "";
  if (named && /^(?:\p{Ll}+\s+){0,2}$/u.test(lead) && !/^(?:the|a|an|one|his|her|their)\s/.test(lead)) return { kind: "name", mention: named };
  return { kind: "nominal", text: phrase.replace(/^(the|a|an)\s+/i, "").replace(/,.*$/, ""), at: from, ...(named ? { mention: named } : {}) };
}
