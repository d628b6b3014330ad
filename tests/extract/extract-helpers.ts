import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ExtractedArticle, extractArticle } from "../../src/core/extract/extract-article.js";

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), "utf8");
}

export function extract(text: string): ExtractedArticle {
  return extractArticle(text, { fallbackDate: "2025-01-01" });
}

/** Quotes as [speaker name, text], the way a reader checks them. */
export function quotesOf(extracted: ExtractedArticle, kind: "direct" | "reported" = "direct"): [string, string][] {
  const name = (id: string) => extracted.article.people.find((p) => p.id === id)?.name ?? `?${id}`;
  return extracted.article.quotes.filter((q) => q.kind === kind).map((q) => [name(q.speaker), q.text]);
}
