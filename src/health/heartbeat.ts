import { mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** How often the bot touches its heartbeat file, and how old the file may be before it counts as unhealthy. */
export const HEARTBEAT = { intervalMs: 15_000, maxAgeMs: 60_000 } as const;

/**
 * Writes the time to `file` now and then every interval, from the event loop: a container's
 * health check that reads it learns that the bot started and that its event loop still turns
 * (not stuck in a long synchronous task or a deadlock). The timer never keeps the process alive.
 */
export function startHeartbeat(file: string, intervalMs: number = HEARTBEAT.intervalMs): { stop(): void } {
  mkdirSync(path.dirname(file), { recursive: true });
  const beat = () => writeFileSync(file, `${new Date().toISOString()}\n`);
  beat();
  const timer = setInterval(beat, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** Why the heartbeat at `file` does not show a live bot at `now`; undefined when it does. */
export function heartbeatProblem(file: string | undefined, now: number, maxAgeMs: number = HEARTBEAT.maxAgeMs): string | undefined {
  if (!file) return "no heartbeat file: set HEARTBEAT_FILE";
  let modified: number;
  try {
    modified = statSync(file).mtimeMs;
  } catch {
    return `no heartbeat at ${file} yet: the bot has not started, or cannot write there`;
  }
  const age = now - modified;
  return age > maxAgeMs ? `the last heartbeat in ${file} is ${Math.round(age / 1000)} s old: the bot is stuck or stopped` : undefined;
}
