/**
 * Whether two wordings state the same condition ("Arvenia must disband its militias before
 * talks" and "Arvenia disband its militias"): used within an article, across articles at
 * ingest, and when the catalog shows a restated condition once.
 */
const STOP = new Set("the a an of to and or for from with in on at by its their his her any all every be is are was were must will would that this these those before after no not".split(" "));

/** Same condition: they name the same acronym, or most of the shorter one's content words recur in the longer. */
export function sameCondition(a: string, b: string): boolean {
  const acronyms = (t: string) => new Set(t.match(/\b\p{Lu}{2,}\b/gu) ?? []);
  const acronymsA = acronyms(a);
  if ([...acronyms(b)].some((w) => acronymsA.has(w))) return true;
  const words = (t: string) => new Set((t.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !STOP.has(w)).map(stem));
  const wa = words(a);
  const wb = words(b);
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (small.size === 0) return false;
  const shared = [...small].filter((w) => large.has(w)).length;
  return shared >= 2 && shared / small.size >= 0.6;
}

function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s|al)$/, "").slice(0, 7);
}
