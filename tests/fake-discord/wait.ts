import { EventEmitter } from "node:events";

/** One emitter per fake: everything that records something calls `notify()`, waiters re-check on each call. */
export class Changes extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
  }
  notify(): void {
    this.emit("change");
  }
}

/** Resolves with the first non-undefined `check()` result; rejects after `timeoutMs` naming `what`. */
export function waitUntil<T>(changes: Changes, check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const now = check();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise<T>((resolve, reject) => {
    const onChange = () => {
      const value = check();
      if (value === undefined) return;
      cleanup();
      resolve(value);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      changes.off("change", onChange);
    };
    changes.on("change", onChange);
  });
}
