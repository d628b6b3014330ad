import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** Verified-to-parse model answers by cache key, so the same article is never asked about twice. */
export interface AnswerCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, answer: string): Promise<void>;
}

/** The article's text, the prompt's version and the model: any change to one is a new question. */
export function answerCacheKey(text: string, promptVersion: string, model: string): string {
  return createHash("sha256").update(JSON.stringify([promptVersion, model, text])).digest("hex");
}

/**
 * One file per answer under `dir` (CACHE_DIR/model-answers), named by the key. The raw answer
 * is kept, not the verified result, so verification runs again on every use and a stricter
 * check applies to old answers too. Safe to delete; a damaged file is a miss.
 */
export function fileAnswerCache(dir: string): AnswerCache {
  const fileOf = (key: string) => path.join(dir, `${key}.json`);
  return {
    async get(key) {
      try {
        const entry: unknown = JSON.parse(await readFile(fileOf(key), "utf8"));
        return entry !== null && typeof entry === "object" && "answer" in entry && typeof entry.answer === "string" ? entry.answer : undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, answer) {
      await mkdir(dir, { recursive: true });
      const temporary = `${fileOf(key)}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify({ answer }));
      await rename(temporary, fileOf(key));
    },
  };
}
