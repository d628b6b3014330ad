/** Work run one piece after another: digest posts stay paced, and a slow channel cannot overlap its own next run. */
export interface RunQueue {
  add<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves once everything added so far has settled. */
  drained(): Promise<void>;
}

export function createRunQueue(): RunQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    add(work) {
      const result = tail.then(work);
      tail = result.catch(() => undefined);
      return result;
    },
    drained: () => tail.then(() => undefined),
  };
}
