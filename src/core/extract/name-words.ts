/**
 * Words that are capitalised for grammar or rank, not because they name someone:
 * a source "He" or "President" holds no name, and sharing "Senator" proves nothing.
 */
const NOT_NAMES = new Set(
  (
    "i me my he him his she her hers it its they them their we us our you your the a an this that these those " +
    "who whom which what some many most all both several one two three another other each any no none " +
    "mr mrs ms miss dr sen senator rep representative gov governor president vice former then " +
    "secretary minister prime chairman chairwoman chair spokesman spokeswoman spokesperson sir lord " +
    "gen general col lt sgt adm judge justice rev st mayor candidate nominee jr sr"
  ).split(" "),
);

/** Lower-cased capitalised words of `text` that can name a person or body. */
export function nameWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.replace(/’/g, "'").split(/[\s\-–—/]+/)) {
    const word = raw.replace(/'s?$/u, "").replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
    if (!/^\p{Lu}/u.test(word)) continue;
    const lower = word.toLowerCase().replace(/\./g, "");
    if (lower && !NOT_NAMES.has(lower)) words.add(lower);
  }
  return words;
}

export function sharesNameWord(a: string, b: string): boolean {
  const wordsOfB = nameWords(b);
  return [...nameWords(a)].some((w) => wordsOfB.has(w));
}
