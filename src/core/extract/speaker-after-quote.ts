import { type Found, NAME_THEN_VERB, type Scene, usable } from "./quote-scene.js";
import { subjectEndingAt, subjectStartingAt } from "./speaker-phrases.js";
import { FINITE_VERB } from "./speech-verbs.js";

const INVERTED = new RegExp(`^[\\s,—–-]*(?:${FINITE_VERB})\\b`, "iu");
const PRONOUN_THEN_VERB = /^[\s,—–-]*(he|she|they|we|i)\s+(?:also\s+|later\s+|then\s+)?\p{Ll}+(?:s|ed)\b/iu;

/** `"...," said X`, `"...," X said`, `"...," X answers`, `"...," according to X`. */
export function speakerAfter(scene: Scene, afterStart: number, afterEnd: number, after: string): Found | undefined {
  const { plain, mentions } = scene;
  // A pull quote signed with a dash: `"..." ― Jane Roe`.
  const signed = /^\s*[―—–-]\s*/.exec(after);
  if (signed) {
    const named = mentions.find((m) => m.start === afterStart + signed[0].length);
    if (named) return { speaker: { kind: "name", mention: named }, rule: "― X" };
  }
  const according = /^[\s,]*according\s+to\s+/i.exec(after);
  const accordingLater = /,\s*according\s+to\s+/i.exec(after);
  if (according || accordingLater) {
    const m = (according ?? accordingLater)!;
    const speaker = subjectStartingAt(plain, afterStart + m.index + m[0].length, afterEnd, mentions);
    if (speaker) return { speaker, rule: "according to" };
  }
  const inverted = INVERTED.exec(after);
  if (inverted) {
    const speaker = subjectStartingAt(plain, afterStart + inverted[0].length, afterEnd, mentions);
    if (speaker) return { speaker, rule: "said X" };
  }
  const direct = NAME_THEN_VERB.exec(after);
  if (direct) {
    const verbAt = afterStart + direct.index + direct[0].length - direct[2]!.length;
    const speaker = usable(subjectEndingAt(plain, verbAt, afterStart, mentions));
    if (speaker) return { speaker, rule: "X said" };
  }
  // `"...," in sharp contrast to earlier years, says Dante Scala.`
  const interjected = new RegExp(`^[^“”"]{0,120}?,\\s*(?:${FINITE_VERB})\\b`, "iu").exec(after);
  if (interjected) {
    const speaker = subjectStartingAt(plain, afterStart + interjected[0].length, afterEnd, mentions);
    if (speaker && speaker.kind !== "nominal") return { speaker, rule: "..., said X" };
  }
  const pronoun = PRONOUN_THEN_VERB.exec(after);
  if (pronoun) return { speaker: { kind: "pronoun", pronoun: pronoun[1]!.toLowerCase(), at: afterStart + pronoun[0].indexOf(pronoun[1]!) }, rule: "he adds" };
  // Any verb after a name that opens the rest of the sentence: `"...," Bozell answers.`
  const lead = after.length - after.replace(/^[\s,—–-]+(?:(?:an?|the)\s+(?:\p{Ll}+\s+){0,2})?/u, "").length;
  const named = mentions.find((m) => m.start === afterStart + lead);
  if (named) {
    const rest = plain.slice(named.end, afterEnd);
    if (/^(?:,[^,]{1,100},)?\s+(?:also\s+|later\s+|then\s+)?\p{Ll}+(?:s|ed)\b/u.test(rest)) return { speaker: { kind: "name", mention: named }, rule: "X verbs" };
  }
  return undefined;
}
