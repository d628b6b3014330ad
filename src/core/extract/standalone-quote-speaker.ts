import type { FoundQuote } from "./attribute-quotes.js";
import { type Found, SPEECH_VERB, type Scene, sentenceSubject, usable } from "./quote-scene.js";
import type { QuotedSpan } from "./quoted-spans.js";
import { subjectEndingAt } from "./speaker-phrases.js";

/** A quote that is a sentence by itself: `X said:` before it, the quote it follows on from, `X said.` before it, or the subject before it. */
export function standingAlone(scene: Scene, quote: QuotedSpan, index: number, previous: FoundQuote | undefined): Found | undefined {
  const { plain, sentences, mentions } = scene;
  const prior = sentences[index - 1];
  if (prior && /:\s*$/.test(plain.slice(prior.start, prior.end))) {
    const verbs = [...plain.slice(prior.start, prior.end).matchAll(SPEECH_VERB)];
    const verb = verbs[verbs.length - 1];
    const speaker = verb
      ? usable(subjectEndingAt(plain, prior.start + verb.index, prior.start, mentions)) ?? sentenceSubject(scene, prior.start, prior.start + verb.index)
      : sentenceSubject(scene, prior.start, prior.end);
    if (speaker) return { speaker, rule: "X said: (sentence before)" };
  }
  if (previous?.speaker) {
    const last = previous.segments[previous.segments.length - 1]!;
    if (quote.paragraph - last.paragraph <= 1 && (!prior || last.end >= prior.start - 2)) return { speaker: previous.speaker, rule: "continues" };
  }
  // `..., Schiff said. "The other factor ..."`
  if (prior) {
    const verbs = [...plain.slice(prior.start, prior.end).matchAll(SPEECH_VERB)].reverse();
    for (const verb of verbs) {
      const speaker = usable(subjectEndingAt(plain, prior.start + verb.index, prior.start, mentions));
      if (speaker) return { speaker, rule: "X said. (sentence before)" };
    }
  }
  if (previous?.speaker) {
    const last = previous.segments[previous.segments.length - 1]!;
    if (quote.paragraph - last.paragraph <= 1) return { speaker: previous.speaker, rule: "continues" };
  }
  if (prior) {
    const subject = sentenceSubject(scene, prior.start, prior.end);
    if (subject) return { speaker: subject, rule: "subject of sentence before" };
  }
  return undefined;
}
