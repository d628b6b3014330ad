import type { QuoteAnalysis } from "./attribute-quotes.js";
import { wordCount } from "./quoted-spans.js";
import type { ResolvedSpeaker } from "./resolve-speakers.js";
import { type SpeakerPhrase, subjectEndingAt } from "./speaker-phrases.js";

/** A statement the article reports in its own words: `Trump has said that he has a plan`. */
export interface ReportedStatement {
  speaker: ResolvedSpeaker;
  /** The reported clause, in the article's wording. */
  text: string;
  at: number;
}

const REPORTING = /\b(said|says|suggested|suggests|indicated|indicates|stated|states|argued|argues|insisted|insists|claimed|claims|warned|warns|promised|promises|made it clear|added|noted|believes|announced|announces|told\s+[\p{L} ]{1,30}?|has said|have said)\s+(?:that\s+)?/iu;
const PEOPLE_NOUN = /\b(lawmakers|officials?|spokes(?:man|woman|person)|aides?|sources?|diplomats?|ministers?|leaders?|negotiators?|analysts?|experts?|advisers?|advisors?|members?|legislators?|senators?|MPs|deputies|envoys?|representatives?|government|ministry|administration|campaign)\b/i;

/** Reported statements from sentences that hold no direct quote. */
export function reportedStatements(
  analysis: QuoteAnalysis,
  resolve: (phrase: SpeakerPhrase) => ResolvedSpeaker | undefined,
): ReportedStatement[] {
  const { plain, sentences, mentions, quotes } = analysis;
  const statements: ReportedStatement[] = [];
  for (const sentence of sentences) {
    if (quotes.some((q) => q.segments.some((s) => s.start >= sentence.start && s.start < sentence.end))) continue;
    const body = plain.slice(sentence.start, sentence.end);
    if (/[“”"]/.test(body)) continue;
    const verb = REPORTING.exec(body);
    if (!verb || /\b(asked|when|if)\s+$/i.test(body.slice(0, verb.index))) continue;
    const clause = body.slice(verb.index + verb[0].length).replace(/[.!?]+$/, "").trim();
    if (wordCount(clause) < 4 || /^(to|it|so|in|on|at|by|for)\b/i.test(clause)) continue;
    const phrase = subjectEndingAt(plain, sentence.start + verb.index, sentence.start, mentions);
    if (!phrase) continue;
    if (phrase.kind === "nominal" && !phrase.mention && !PEOPLE_NOUN.test(phrase.text)) continue;
    if (phrase.kind === "nominal" && phrase.mention && !PEOPLE_NOUN.test(phrase.text)) continue;
    if (phrase.kind === "nominal" && /\b(has|have|had|is|was|are|were|will|would|did|does)\b/i.test(phrase.text)) continue;
    const speaker = resolve(phrase);
    if (!speaker) continue;
    if (speaker.kind === "person" && !speaker.person.isPerson) continue;
    statements.push({ speaker, text: capitalise(clause), at: sentence.start });
  }
  return statements;
}

function capitalise(text: string): string {
  const clean = text.replace(/\s+/g, " ").replace(/,$/, "");
  return `${clean.charAt(0).toUpperCase()}${clean.slice(1)}.`;
}
