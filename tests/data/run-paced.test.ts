import { describe, expect, it } from "vitest";
import type { Steps } from "../../src/core/steps.js";
import { runSteps } from "../../src/core/steps.js";
import { runPaced } from "../../src/data/run-paced.js";

/** `count` steps of about `ms` each of busy work, then their count. */
function* busy(count: number, ms: number): Steps<number> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // Work that holds the event loop, as copying a large list does.
    }
    yield;
  }
  return count;
}

describe("running work in slices", () => {
  it("lets a callback that is due run in the middle of long work, and returns the work's result", async () => {
    let ranAfterSteps: number | undefined;
    let done = 0;
    const steps = (function* () {
      const result = yield* busy(20, 2);
      done = result;
      return result;
    })();
    setImmediate(() => (ranAfterSteps = done));
    const result = await runPaced(steps, 5);
    expect(result).toBe(20);
    // The callback ran while the steps were still going (done was still 0), not after all 40 ms of them.
    expect(ranAfterSteps).toBe(0);
  });

  it("does not pause between short steps that fit in one slice", async () => {
    let turns = 0;
    const counter = setInterval(() => turns++, 0);
    await runPaced(busy(200, 0), 1_000);
    clearInterval(counter);
    expect(turns).toBe(0);
  });

  it("runs everything at once when asked to", () => {
    expect(runSteps(busy(3, 0))).toBe(3);
  });
});
