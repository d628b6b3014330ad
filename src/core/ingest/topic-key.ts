import { nameWordKey } from "../extract/name-keys.js";

/** Words that do not tell one topic from another. */
const FILLER = new Set(["the", "a", "an", "of", "with", "and", "for", "on", "to", "between", "s"]);

/** Order-blind, spelling-blind key of a topic name: "Trump–Putin call" = "Putin Trump call" = "call with Putin, Trump". */
export function topicKey(name: string): string {
  return [...new Set(name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !FILLER.has(w)).map(nameWordKey))].sort().join(" ");
}
