import type { NameMention } from "./name-mentions.js";
import type { PeopleIndex, PersonCluster } from "./people-clusters.js";
import type { SpeakerPhrase } from "./speaker-phrases.js";
import type { Span } from "./spans.js";

/** A speaker as the article data needs it: a named person, or a described one ("Russian lawmakers"). */
export type ResolvedSpeaker = { kind: "person"; person: PersonCluster } | { kind: "described"; description: string };

/**
 * Turns a speaker phrase into a person: a name joins its cluster, "he", "she" or "I"
 * take the person named last before it outside quotations (skipping one known to be
 * of the other gender), a description stays one.
 */
export function resolvePhrase(
  phrase: SpeakerPhrase,
  mentions: readonly NameMention[],
  people: PeopleIndex,
  quoteSpans: readonly Span[],
): ResolvedSpeaker | undefined {
  if (phrase.kind === "name") return { kind: "person", person: people.clusterOf(phrase.mention) };
  if (phrase.kind === "pronoun") {
    if (!/^(he|she|i)$/.test(phrase.pronoun)) return undefined;
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i]!;
      if (m.end > phrase.at || quoteSpans.some((q) => q.start <= m.start && m.end <= q.end)) continue;
      const cluster = people.clusterOf(m);
      const wrongGender = (phrase.pronoun === "he" && cluster.gender === "female") || (phrase.pronoun === "she" && cluster.gender === "male");
      if (cluster.isPerson && !wrongGender) return { kind: "person", person: cluster };
    }
    return undefined;
  }
  // "a spokesman for Donald Trump" is still a described speaker, but a bare name inside one ("Trump campaign") is not a person.
  return { kind: "described", description: phrase.text };
}

export function speakerDisplayName(speaker: ResolvedSpeaker | undefined): string | undefined {
  if (!speaker) return undefined;
  return speaker.kind === "person" ? speaker.person.name : speaker.description;
}
