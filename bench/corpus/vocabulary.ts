import type { Random } from "./random.js";

/**
 * The words quotes are made of: common English words first (so the most frequent ranks look
 * like real speech, stopwords included), then made-up words built from syllables, which
 * gives the long tail of rare words and many near neighbours one typo apart, as real text has.
 */
const COMMON = (
  "the to and of a in that is we it for not will be this have with on are they our he i you was but as what at " +
  "people war peace talks ceasefire president country ukraine russia security forces border agreement deal " +
  "negotiations support army weapons sanctions meeting minister government future region military troops " +
  "allies europe attack defence victory territory strike drones aid energy grain ports refugees children " +
  "guarantees withdrawal occupation referendum summit delegation envoy proposal conditions demands solution " +
  "dialogue pressure economy front line cities villages missiles bombing truce prisoners exchange humanitarian " +
  "corridor nuclear plant reactor inspectors mission observers election parliament constitution sovereignty " +
  "independence recognition annexation reparations tribunal justice crimes investigation evidence witnesses"
).split(" ");

const ONSETS = ["b", "br", "d", "dr", "f", "g", "gr", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "st", "t", "tr", "v", "z", "sh", "ch", "h", "j", "pl", "sl", "sk"];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ea", "io"];
const CODAS = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rk", "ng"];

export function buildVocabulary(size: number, random: Random): string[] {
  const words = new Set(COMMON);
  while (words.size < size) {
    const syllables = 1 + random.int(3) + (random.chance(0.3) ? 1 : 0);
    let word = "";
    for (let i = 0; i < syllables; i++) word += random.pick(ONSETS) + random.pick(VOWELS) + (i === syllables - 1 ? random.pick(CODAS) : "");
    if (word.length >= 3) words.add(word);
  }
  return [...words];
}
