/**
 * Work done a piece at a time: each `yield` is a point where the caller may let other work
 * run (in the bot, the Discord gateway and the answers to other users) before going on.
 * The core stays free of timers; the data layer decides how long a piece may take.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once, for callers with nothing else to let run (tests, workers, small data). */
export function runSteps<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
