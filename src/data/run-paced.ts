import type { Steps } from "../core/steps.js";

/**
 * How long work may hold the event loop before other callbacks get a turn. Answers queue
 * behind it, so this bounds the wait a reload adds to anyone's /quote: well inside the
 * 100 ms an answer may take, long enough that pausing costs little.
 */
export const SLICE_MS = 4;

/** Runs `steps`, giving the event loop a turn whenever a slice of `sliceMs` has passed. */
export async function runPaced<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStarted = performance.now();
  let step = steps.next();
  while (!step.done) {
    if (performance.now() - sliceStarted >= sliceMs) {
      await nextTurn();
      sliceStarted = performance.now();
    }
    step = steps.next();
  }
  return step.value;
}

/** Lets pending I/O (gateway frames, interactions) and timers run first. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
