/** A side in a story, as extraction names it before the story's own list is consulted. */
export interface PartyName {
  name: string;
  /** The words in a text that point to the party: demonyms, capitals, seats of government. */
  cues: string[];
}

/**
 * Countries and blocs news about negotiations mentions most, with the words that stand
 * for them. Anything not listed still becomes a party under its own name.
 */
export const KNOWN_PARTIES: PartyName[] = [
  { name: "Russia", cues: ["Russia", "Russian", "Kremlin", "Moscow"] },
  { name: "Ukraine", cues: ["Ukraine", "Ukrainian", "Kyiv", "Kiev"] },
  { name: "United States", cues: ["United States", "U.S.", "US", "American", "White House", "Washington", "Pentagon"] },
  { name: "China", cues: ["China", "Chinese", "Beijing"] },
  { name: "European Union", cues: ["European Union", "EU", "Brussels"] },
  { name: "NATO", cues: ["NATO"] },
  { name: "Israel", cues: ["Israel", "Israeli"] },
  { name: "Hamas", cues: ["Hamas"] },
  { name: "Iran", cues: ["Iran", "Iranian", "Tehran"] },
  { name: "United Kingdom", cues: ["United Kingdom", "UK", "U.K.", "British", "Britain", "London", "Downing Street"] },
  { name: "France", cues: ["France", "French", "Paris", "Elysee", "Élysée"] },
  { name: "Germany", cues: ["Germany", "German", "Berlin"] },
  { name: "Saudi Arabia", cues: ["Saudi Arabia", "Saudi", "Riyadh"] },
  { name: "Turkey", cues: ["Turkey", "Turkish", "Ankara"] },
];

/** The party a role or phrase points to: "Kremlin spokesperson" → Russia. */
export function partyOf(phrase: string | undefined): PartyName | undefined {
  if (!phrase) return undefined;
  return KNOWN_PARTIES.find((p) => p.cues.some((cue) => new RegExp(`(^|[^\\p{L}])${escape(cue)}([^\\p{L}]|$)`, "u").test(phrase)));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
