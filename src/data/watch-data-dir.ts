import { type FSWatcher, watch } from "node:fs";
import type { Logger } from "../logger.js";

/**
 * Calls `onChange` shortly after files under the data folder change: editors and
 * `npm run ingest` write several files in a burst, and one reload should see them all.
 */
export function watchDataDir(dataDir: string, onChange: () => Promise<unknown>, log: Logger, debounceMs = 300): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const fire = () => {
    running = running.then(onChange).catch((error: unknown) => log.error({ err: error }, "Reloading story data failed"));
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dataDir, { recursive: true }, (_event, file) => {
      if (file && !String(file).endsWith(".json")) return;
      clearTimeout(timer);
      timer = setTimeout(fire, debounceMs);
    });
    watcher.on("error", (error) => log.error({ err: error }, "Watching the data folder failed; restart to pick up new data"));
  } catch (error) {
    log.warn({ err: error, dataDir }, "Cannot watch the data folder; new articles need a restart");
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
