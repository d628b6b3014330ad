import { pino } from "pino";

/**
 * Interaction and webhook URLs carry a token that lets anyone answer as the bot for 15
 * minutes: /interactions/<id>/<token>/callback and /webhooks/<app>/<token>/...
 */
const TOKEN_IN_URL = /(\/(?:interactions|webhooks)\/[^/\s"'?#]+\/)[^/\s"'?#]+/g;

/** Keys whose values are what we sent Discord: a refused reply's body is story or user text, not a diagnosis. */
const DROPPED_KEYS = new Set(["requestBody", "body", "files"]);
const MAX_DEPTH = 6;

export function stripUrlTokens(text: string): string {
  return text.replace(TOKEN_IN_URL, "$1[token]");
}

/** A copy of a serialized value with tokens cut out of every string and request bodies left out. */
export function scrubLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return stripUrlTokens(value);
  if (value === null || typeof value !== "object" || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => scrubLogValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!DROPPED_KEYS.has(key)) out[key] = scrubLogValue(v, depth + 1);
  }
  return out;
}

/** pino's error serializer (type, message, stack, cause and own fields), then scrubbed: discord.js errors hold `url` and `requestBody`. */
export function serializeError(error: unknown): unknown {
  return scrubLogValue(error instanceof Error ? pino.stdSerializers.err(error) : error);
}
