import { readFile } from "node:fs/promises";
import { z } from "zod";
import { formatProblem, jsonPath } from "../core/errors.js";

/** DATA_DIR/stories/<id>/sources.json: the feeds an operator follows for one story. */
export const sourcesSchema = z.strictObject({
  feeds: z
    .array(
      z.strictObject({
        url: z.url({ protocol: /^https?$/, error: "expected an http(s) feed URL" }),
        /** Extra words that make an item of this feed belong to the story. */
        keywords: z.array(z.string().trim().min(1, { error: "expected non-empty text" })).default([]),
      }),
    )
    .max(100, { error: "at most 100 feeds per story" }),
});

export type Sources = z.infer<typeof sourcesSchema>;

export class SourcesError extends Error {
  override name = "SourcesError";
}

/** Reads and validates sources.json; undefined when there is none. A broken file is named down to the field. */
export async function readSources(file: string): Promise<Sources | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new SourcesError(formatProblem({ file, path: "", message: `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SourcesError(formatProblem({ file, path: "", message: `not valid JSON (${(error as Error).message})` }));
  }
  const result = sourcesSchema.safeParse(json);
  if (!result.success) {
    throw new SourcesError(result.error.issues.map((issue) => formatProblem({ file, path: jsonPath(issue.path), message: issue.message })).join("\n"));
  }
  return result.data;
}
