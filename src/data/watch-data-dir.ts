import { type FSWatcher, readdirSync, statSync, watch } from "node:fs";
import path from "node:path";
import type { Logger } from "../logger.js";
import { isDataFileName } from "./data-files.js";

/**
 * Calls `onChange` shortly after files under the data folder change: editors and
 * `npm run ingest` write several files in a burst, and one reload should see them all.
 * Files that are still being written (`.name.json`, `name.json.tmp`) are ignored; the rename
 * that completes them is what triggers the reload. While files keep coming, a reload still
 * runs every `maxWaitMs`, so a steady stream cannot postpone new data forever.
 *
 * It watches folders, not files: `stories/`, each story folder and each `articles/` folder.
 * (Node 20's recursive watch on Linux opens a watch per file and lists a folder again at
 * each event: at fifty thousand articles that costs memory, watches and a stall per file.)
 */
export function watchDataDir(dataDir: string, onChange: (changed?: readonly string[]) => Promise<unknown>, log: Logger, debounceMs = 300, maxWaitMs = 1000): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let firstPending: number | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let closed = false;
  const watchers = new Map<string, FSWatcher>();
  // The article files seen changing since the last reload; undefined once something else changed (then everything is listed).
  let changedFiles: Set<string> | undefined = new Set();
  const fire = () => {
    firstPending = undefined;
    const files = changedFiles ? [...changedFiles] : undefined;
    changedFiles = new Set();
    running = running.then(() => onChange(files)).catch((error: unknown) => log.error({ err: error }, "Reloading story data failed"));
  };
  const changed = (file?: string) => {
    if (file === undefined) changedFiles = undefined;
    else changedFiles?.add(file);
    clearTimeout(timer);
    firstPending ??= Date.now();
    timer = setTimeout(fire, Math.max(0, Math.min(debounceMs, firstPending + maxWaitMs - Date.now())));
  };

  const follow = (dir: string, onEvent: (file: string | null) => void) => {
    if (watchers.has(dir) || closed) return;
    try {
      const watcher = watch(dir, (_event, file) => onEvent(file === null ? null : String(file)));
      watcher.on("error", () => {
        // The folder went away; its parent's event takes it from the list.
        watcher.close();
        watchers.delete(dir);
      });
      watchers.set(dir, watcher);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" && (error as NodeJS.ErrnoException).code !== "ENOTDIR") throw error;
    }
  };
  // A folder deleted (and perhaps made again) is watched afresh: an old watch would hear nothing.
  const forget = (dir: string) => {
    for (const [watched, watcher] of watchers) {
      if (watched === dir || watched.startsWith(`${dir}${path.sep}`)) {
        watcher.close();
        watchers.delete(watched);
      }
    }
  };
  const storiesDir = path.join(dataDir, "stories");
  const followStory = (name: string) => {
    const storyDir = path.join(storiesDir, name);
    if (!isFolder(storyDir)) return forget(storyDir);
    if (name.startsWith(".")) return;
    follow(storyDir, (file) => {
      if (file === "articles") {
        if (!isFolder(path.join(storyDir, "articles"))) forget(path.join(storyDir, "articles"));
        followArticles(storyDir);
      }
      if (file === null || file === "articles" || isDataFileName(file)) changed();
    });
    followArticles(storyDir);
  };
  const followArticles = (storyDir: string) =>
    follow(path.join(storyDir, "articles"), (file) => {
      if (file === null) changed();
      else if (isDataFileName(file)) changed(path.join(storyDir, "articles", file));
    });
  const followStories = () => {
    for (const name of safeList(storiesDir)) followStory(name);
  };

  try {
    follow(storiesDir, (file) => {
      if (file) followStory(file);
      changed();
    });
    if (!watchers.has(storiesDir)) throw new Error(`${storiesDir} cannot be watched`);
    followStories();
  } catch (error) {
    log.warn({ err: error, dataDir }, "Cannot watch the data folder; new articles need a restart");
  }
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function isFolder(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return [];
  }
}
