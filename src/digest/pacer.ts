/**
 * Spaces calls at least `intervalMs` apart. Digest posts go through one pacer so a burst
 * of due subscriptions stays below Discord's global limit of 50 requests per second.
 */
export function createPacer(intervalMs: number, clock: { now(): number; sleep(ms: number): Promise<void> } = realClock): () => Promise<void> {
  let next = 0;
  return async () => {
    const now = clock.now();
    const wait = next - now;
    next = Math.max(now, next) + intervalMs;
    if (wait > 0) await clock.sleep(wait);
  };
}

const realClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};
