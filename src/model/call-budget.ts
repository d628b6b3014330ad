import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** At most N model calls in any hour, across runs: ingest is a new process each time. */
export interface CallBudget {
  /** Counts one call and says whether it may be made. */
  take(): Promise<boolean>;
}

const HOUR = 60 * 60 * 1000;

/**
 * The times of the calls made in the last hour, kept in a small JSON file. A missing or
 * unreadable file counts as no calls; two processes racing may each make one call too many,
 * which a budget (not a quota the server enforces) can afford.
 */
export function fileCallBudget(file: string, maxPerHour: number, now: () => number = Date.now): CallBudget {
  return {
    async take() {
      const at = now();
      const recent = (await readTimes(file)).filter((t) => t > at - HOUR && t <= at);
      if (recent.length >= maxPerHour) return false;
      recent.push(at);
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(recent));
      await rename(temporary, file);
      return true;
    },
  };
}

async function readTimes(file: string): Promise<number[]> {
  try {
    const json: unknown = JSON.parse(await readFile(file, "utf8"));
    return Array.isArray(json) ? json.filter((t): t is number => typeof t === "number" && Number.isFinite(t)) : [];
  } catch {
    return [];
  }
}
