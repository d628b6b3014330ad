import type { Random } from "../corpus/random.js";

/**
 * One typing error of the kinds people make: a letter dropped, two swapped, one doubled
 * or one hit next to the right key. The first letter stays, as it mostly does.
 */
const NEIGHBOURS: Record<string, string> = {
  a: "sq", b: "vn", c: "xv", d: "sf", e: "wr", f: "dg", g: "fh", h: "gj", i: "uo", j: "hk", k: "jl", l: "k", m: "n",
  n: "bm", o: "ip", p: "o", q: "w", r: "et", s: "ad", t: "ry", u: "yi", v: "cb", w: "qe", x: "zc", y: "tu", z: "x",
};

export function typo(word: string, random: Random): string {
  if (word.length < 4) return word;
  const at = 1 + random.int(word.length - 1);
  switch (random.int(4)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1: {
      const i = Math.min(at, word.length - 2);
      if (word[i] === word[i + 1]) return word.slice(0, at) + word.slice(at + 1);
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    }
    case 2:
      return word.slice(0, at) + word[at - 1] + word.slice(at);
    default: {
      const near = NEIGHBOURS[word[at]!.toLowerCase()];
      return near ? word.slice(0, at) + near[random.int(near.length)] + word.slice(at + 1) : word.slice(0, at) + word.slice(at + 1);
    }
  }
}

/** The words of a text as a person would retype them: letters only, in order. */
export function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
}
