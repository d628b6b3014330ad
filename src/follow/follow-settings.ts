import { VERSION } from "../version.js";
import type { FetchSettings } from "./polite-fetch.js";

/** Feeds and pages answer within this, or the try counts as failed (and is retried later). */
export const FETCH_TIMEOUT_MS = 20_000;
/** Larger feeds and pages are refused: news pages are well under this. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

/** "Storyline/0.1.0 (+https://contact)": who is fetching, and how to reach whoever runs it. */
export function userAgent(contact?: string): string {
  return `Storyline/${VERSION}${contact ? ` (+${contact})` : ""}`;
}

export function fetchSettings(options: { contact?: string; now(): Date }): FetchSettings {
  return { userAgent: userAgent(options.contact), timeoutMs: FETCH_TIMEOUT_MS, maxBytes: MAX_BODY_BYTES, maxRedirects: MAX_REDIRECTS, now: options.now };
}
