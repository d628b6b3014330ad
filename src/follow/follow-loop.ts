import type { Logger } from "../logger.js";
import { type FollowSettings, followPass } from "./follow-pass.js";

/** Timers as the loop uses them, so tests can drive it without waiting. */
export interface LoopTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface FollowLoop {
  /** Waits for a pass under way, then stops. */
  stop(): Promise<void>;
}

/** The loop wakes this often to poll the feeds that are due; each feed keeps its own, jittered time. */
const TICK_MS = 60_000;

/**
 * Follows every story's feeds while the bot runs: wakes up every minute (or FOLLOW_EVERY,
 * if shorter) and polls only the feeds and retries that are due, so feeds stay spread out,
 * back off and honour Retry-After and Cache-Control across restarts (the times live in the
 * state database). Passes never overlap; a failing pass is logged and the loop goes on.
 */
export function startFollowLoop(settings: FollowSettings, log: Logger, timers: LoopTimers = globalThis): FollowLoop {
  let stopped = false;
  let handle: unknown;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        const { lines, problems } = await followPass(settings, { force: false });
        for (const problem of problems) log.warn({ problem }, "A followed story's files are broken; it is skipped until they are fixed");
        const ingested = lines.filter((l) => l.outcome === "ingested");
        const failed = lines.filter((l) => l.outcome === "failed");
        if (ingested.length > 0 || failed.length > 0) log.info({ ingested: ingested.map((l) => l.article), failed: failed.map((l) => ({ url: l.url, reason: l.reason })) }, "Followed feeds");
      } catch (error) {
        log.error({ err: error }, "A follow pass failed");
      }
      if (!stopped) handle = timers.setTimeout(tick, Math.min(TICK_MS, settings.everyMs));
    })();
  };
  tick();
  return {
    async stop() {
      stopped = true;
      timers.clearTimeout(handle);
      await running;
    },
  };
}
