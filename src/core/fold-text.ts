/**
 * Folds text for matching: case, diacritics, typographic punctuation and the common
 * transliteration endings of Slavic names, so "Zelenskiy", "Zelenskyy" and "Zelensky",
 * or "Ružnják" and "ruznjak", meet on one key.
 */
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = { ł: "l", đ: "d", ø: "o", æ: "ae", œ: "oe", ß: "ss", ı: "i", þ: "th" };

export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[łđøæœßıþ]/g, (c) => LETTERS_WITHOUT_DECOMPOSITION[c] ?? c)
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐-―−]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** Like foldText, then merges spelling variants of name endings: -iy, -yy, -yi, -ij, -ii all become -y. */
export function foldName(name: string): string {
  return foldText(name)
    .replace(/[.'"]/g, "")
    .replace(/-/g, " ")
    .replace(/(?:iy|yy|yi|ij|ii|yj)\b/g, "y");
}

/** The name-ending merge of foldName for one folded word; search terms use it on every word of a quote. */
export function foldNameEnding(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  // Only words ending in i, j or y can change; checking first spares a regex on most words.
  if (word.length <= 3 || (last !== 105 && last !== 106 && last !== 121)) return word;
  return word.replace(/(?:iy|yy|yi|ij|ii|yj)$/, "y");
}

/**
 * The stricter key that decides whether two spellings are the same person's name: folded,
 * letters only, y = i, kh = h and doubled letters single, so Zelenskyy, Zelensky, Zelenskiy
 * and Zelenskyi, or Dmitry and Dmitri, or Peña and Pena, or Aydın and Aydin, meet.
 */
export function nameWordKey(word: string): string {
  return foldText(word)
    .replace(/[^a-z]/g, "")
    .replace(/y/g, "i")
    .replace(/ij$/, "i")
    .replace(/kh/g, "h")
    .replace(/(.)\1/g, "$1");
}

export function nameKey(name: string): string {
  return name.split(/\s+/).map(nameWordKey).filter(Boolean).join(" ");
}

const STOPWORDS = new Set(
  "a an and are as at be but by for from has have he her his i in is it its me my of on or our she so that the their them they this to was we were will with you your".split(" "),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Words worth matching on: folded, without punctuation; stopwords dropped unless nothing else is left. */
export function queryWords(query: string): string[] {
  const words = foldText(query)
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter(Boolean);
  const content = words.filter((w) => !STOPWORDS.has(w));
  return content.length > 0 ? content : words;
}
