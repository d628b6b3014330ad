import { foldNameEnding as foldEnding, foldText, isStopword, queryWords } from "../fold-text.js";

/**
 * The terms the quote index stores and queries look up: folded words, so case, accents
 * and transliterated name endings ("Zelenskiy", "Zelenskyy") never decide a match.
 * Documents and queries go through the same folding, so they always meet.
 */

const PLAIN_ASCII = /^[\x20-\x5f\x61-\x7e]*$/;
const WORD_SPLIT = /[^\p{L}\p{N}']+/u;
const ASCII_WORD_SPLIT = /[^a-z0-9']+/;

/**
 * Every term of a text, with repeats; a word with an apostrophe gives its joined form and its
 * stem ("putin's": "putins", "putin"). With `contentOnly`, stopwords are left out: queries drop
 * them anyway, and they are nearly half of all words, so the index is built in half the time.
 */
export function textTerms(text: string, contentOnly = false): string[] {
  // Most text is plain ASCII; lower-casing it is all foldText would do, at a fraction of the cost.
  const ascii = PLAIN_ASCII.test(text);
  const words = ascii ? text.toLowerCase().split(ASCII_WORD_SPLIT) : foldText(text).split(WORD_SPLIT);
  const terms: string[] = [];
  for (const word of words) {
    if (word) addWord(word, terms);
  }
  return contentOnly ? terms.filter((term) => !isStopword(term)) : terms;
}

/** The terms a query asks for, one per word that must match; stopwords as queryWords drops them. */
export function queryTerms(query: string): string[] {
  const terms = queryWords(query).map((word) => foldEnding(word.replace(/'/g, "")));
  return [...new Set(terms.filter(Boolean))];
}

function addWord(raw: string, terms: string[]): void {
  const word = raw.includes("'") ? raw.replace(/^'+|'+$/g, "") : raw;
  if (!word) return;
  const apostrophe = word.indexOf("'");
  if (apostrophe < 0) {
    terms.push(foldEnding(word));
    return;
  }
  terms.push(foldEnding(word.replace(/'/g, "")));
  terms.push(foldEnding(word.slice(0, apostrophe)));
}
