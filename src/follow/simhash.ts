import { createHash } from "node:crypto";
import { foldText } from "../core/fold-text.js";

const SHINGLE = 4;
/**
 * Two texts this close (of 64 bits) are one text with small edits. Unrelated texts differ in
 * about 32 bits (σ 4), so 10 is over five σ away; a wire copy with one added line of a
 * 130-word fixture article measured 5, other articles on the same story 28 to 38.
 */
export const NEAR_DUPLICATE_BITS = 10;
/** Below this many words a fingerprint says little, and short teasers would look alike. */
const MIN_WORDS = 40;

/**
 * A 64-bit simhash over word shingles, as 16 hex digits: texts that share most of their
 * four-word runs get fingerprints a few bits apart, whatever their markup, site furniture
 * or address. undefined for texts too short to fingerprint.
 */
export function simhash(text: string): string | undefined {
  const words = foldText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length < MIN_WORDS) return undefined;
  const weights = new Array<number>(64).fill(0);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const digest = createHash("md5").update(words.slice(i, i + SHINGLE).join(" ")).digest();
    for (let bit = 0; bit < 64; bit++) weights[bit]! += (digest[bit >> 3]! >> (bit & 7)) & 1 ? 1 : -1;
  }
  let hash = 0n;
  for (let bit = 0; bit < 64; bit++) if (weights[bit]! > 0) hash |= 1n << BigInt(bit);
  return hash.toString(16).padStart(16, "0");
}

export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  for (; x > 0n; x &= x - 1n) count++;
  return count;
}
