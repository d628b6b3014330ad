import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ExtractOptions, type ExtractedArticle, extractArticle } from "../core/extract/extract-article.js";
import { parseDate } from "../core/extract/article-header.js";
import { readTextInput } from "./read-text-input.js";
import type { StoryFile } from "../core/schema.js";

/**
 * Prints one JSON line per article file: `{"file", "article", "parties", "topics", "headings"}`,
 * or `{"file", "error"}` for a file that cannot be read or is empty. Writes nothing.
 *   npm run --silent extract -- FILE...
 */

export type ExtractResult = ({ file: string } & ExtractedArticle) | { file: string; error: string };

/** Reads and extracts one file; never throws, so one bad file costs only itself. `extract` may add to the rules (a model). */
export async function extractFile<T extends ExtractedArticle = ExtractedArticle>(
  file: string,
  today = new Date().toISOString().slice(0, 10),
  // Without an extractor T is ExtractedArticle, so the rules' function fits it.
  extract: (text: string, options: ExtractOptions) => T | Promise<T> = extractArticle as (text: string, options: ExtractOptions) => T,
  story?: StoryFile,
): Promise<({ file: string } & T) | { file: string; error: string }> {
  const input = await readTextInput(file);
  if ("error" in input) return { file, error: input.error };
  const text = input.text;
  if (text.trim() === "") return { file, error: `${file} is empty` };
  // A date in the file name beats today's when the text states none.
  const fallbackDate = parseDate(path.basename(file)) ?? today;
  return { file, ...(await extract(text, { fallbackDate, ...(story ? { story } : {}) })) };
}

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write("usage: npm run --silent extract -- FILE...\n");
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const result = await extractFile(file);
    if ("error" in result) {
      failed++;
      process.stderr.write(`extract: ${result.error}\n`);
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  return failed > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}
