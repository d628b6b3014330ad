import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { DataFile } from "./build-catalog.js";

/**
 * Reads `<dataDir>/stories/<story>/story.json` and `.../articles/*.json`.
 * Returns paths relative to the working directory so messages name files as a person types them.
 */
export async function readDataDir(dataDir: string): Promise<DataFile[]> {
  const storiesDir = path.join(dataDir, "stories");
  const dirs = await readdir(storiesDir, { withFileTypes: true });
  const files: DataFile[] = [];
  for (const dir of dirs.filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const storyPath = path.join(storiesDir, dir, "story.json");
    const storyText = await readFile(storyPath, "utf8").catch(ignoreMissing);
    if (storyText !== undefined) files.push({ file: display(storyPath), storyDir: dir, kind: "story", text: storyText });
    const articlesDir = path.join(storiesDir, dir, "articles");
    const names = await readdir(articlesDir).catch(ignoreMissing);
    for (const name of (names ?? []).filter((n) => n.endsWith(".json")).sort()) {
      const articlePath = path.join(articlesDir, name);
      files.push({ file: display(articlePath), storyDir: dir, kind: "article", text: await readFile(articlePath, "utf8") });
    }
  }
  return files;
}

function ignoreMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === "ENOENT") return undefined;
  throw error;
}

function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}
