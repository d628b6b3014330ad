/**
 * A spelling-blind key for one name word, so that Zelenskyy, Zelensky, Zelenskiy and
 * Zelenskyi, or Dmitry and Dmitri, or Peña and Pena, count as the same word.
 */
export function nameWordKey(word: string): string {
  return toAscii(word)
    .toLowerCase()
    .replace(/[^a-z]/g, "")
    .replace(/y/g, "i")
    .replace(/ij$/, "i")
    .replace(/kh/g, "h")
    .replace(/(.)\1/g, "$1");
}

/** Latin letters without their marks; letters NFD cannot split (ı, ł, ø, ß) are mapped by hand. */
export function toAscii(text: string): string {
  return text
    .replace(/[ıİ]/g, "i")
    .replace(/[łŁ]/g, "l")
    .replace(/[øØ]/g, "o")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
}

export function nameKey(name: string): string {
  return name.split(/\s+/).map(nameWordKey).filter(Boolean).join(" ");
}

/** Lower-case kebab-case id for the schema: "Dmitry Peskov" → "dmitry-peskov". */
export function slugify(text: string): string {
  return toAscii(text)
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
