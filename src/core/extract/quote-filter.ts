import { MIN_QUOTE_WORDS } from "./gold-quotes.js";
import { wordCount } from "./quoted-spans.js";

const SMALL_WORDS = new Set("a an the of and or in on at to for with from by as is vs".split(" "));
const TITLE_CUE = /\b(book|books|film|movie|show|series|song|album|anthem|hymn|autobiography|memoir|biography|novel|musical|poem|interview with|appearance on|appeared on|told|titled|entitled|headlined|headline|column|op-ed|essay|commentary|editorial|broadcast of|episode of|program|podcast|documentary|dubbed|named|nicknamed|slogan|hashtag|chants? of|the phrase|the term|so-called|known as|star of|host of|hosts|edits|on|read)\s*,?\s*$/i;

/** A headline credited to its writer, as news digests list them: `"Museum to close," by Times' Jane Roe:`. */
const BYLINE = /^\s*["”]\s*by\s+(?:the\s+)?(?:[\p{Lu}][\p{L}\p{N}.’'-]*\s+){0,5}[\p{Lu}][\p{L}\p{N}.’'-]*\s*[:,(]/u;

const DEFINED_AFTER = /^\s*["”]\s*,?\s*(?:(?:which|that)\s+(?:is|are|was|were)\s+defined\s+as|defined\s+as|meaning\s+that)\b/u;
const TRANSLATED_BEFORE = /\b(?:Latin|Greek|French|Spanish|German|Italian|Arabic|Hebrew|Russian|Chinese|Japanese|Yiddish)\s+for\s*$/u;

/** Whether a quoted span can be someone's words at all: long enough, and not markup, a sign-off or a headline. */
export function canBeQuote(inner: string, textBefore: string, textAfter = ""): boolean {
  if (wordCount(inner) < MIN_QUOTE_WORDS) return false;
  // The writer's sign-off under an article: "Follow Jane Roe on Twitter @janeroe."
  if (/^\s*Follow\b.*\bon\s+(?:Twitter|Facebook|Instagram)\b/i.test(inner)) return false;
  if (/,\s*$/.test(inner) && BYLINE.test(textAfter)) return false;
  // A term mentioned rather than used: a "targeted area," which is defined as ...; Latin for "...".
  if (DEFINED_AFTER.test(textAfter) || TRANSLATED_BEFORE.test(textBefore)) return false;
  // A show or a book named after its outlet or a preposition: on CBS's "Face the Nation".
  if (isTitleCase(inner) && (TITLE_CUE.test(textBefore) || /(?:\bon|[’']s?)\s*$/u.test(textBefore))) return false;
  // Attribute values of embedded tweets and links: author="@x" datetime="...".
  if (/[=]\s*$/.test(textBefore) || /[<>]|https?:/.test(inner)) return false;
  return true;
}

/**
 * Whether a quoted span that no speech verb frames is a quote rather than a title, a
 * name or a slogan. A span framed by `X said` is kept whatever it looks like: titles
 * inside someone's words are part of what they said.
 */
export function looksLikeQuote(inner: string, textBefore: string): boolean {
  if (TITLE_CUE.test(textBefore)) return false;
  return !isTitleCase(inner);
}

function isTitleCase(inner: string): boolean {
  // Two sentences are speech, however they are capitalised: "The Donald. Big Daddy."
  if (/[.!?]\s+\p{Lu}/u.test(inner)) return false;
  const words = inner.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")).filter(Boolean);
  if (words.length > 8) return false;
  const content = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  return content.length >= 2 && content.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}
