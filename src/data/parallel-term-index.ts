import { Worker } from "node:worker_threads";
import { buildTermRange, type IndexedText, indexedText, indexesStopwords } from "../core/search/quote-finder.js";
import { mergeTermIndexes, type TermIndex } from "../core/search/term-index.js";
import type { Story } from "../core/story.js";
import { runPaced } from "./run-paced.js";
import type { TermRangeJob } from "./term-range-worker.js";

/**
 * Builds a large story's term index on two cores: the first half of the documents in a
 * worker thread, the second half here a chunk at a time (yielding, so the event loop keeps
 * turning), then the two are merged. At a million quotes this is most of start-up.
 */
export async function buildTermIndexInParallel(story: Story, order: Uint32Array): Promise<{ terms: TermIndex; stopwordsIndexed: boolean }> {
  const half = Math.floor(order.length / 2);
  const textOf = (doc: number): IndexedText => indexedText(story.quotes[order[doc]!]!);
  const stopwords = indexesStopwords(order.length);
  const first = runWorker({ ...jobFor(half, order.length, textOf), stopwords });
  const second = await runPaced(buildTermRange(order.length, half, order.length, textOf, stopwords));
  return { terms: mergeTermIndexes(await first, second), stopwordsIndexed: stopwords };
}

function jobFor(count: number, docCount: number, textOf: (doc: number) => IndexedText): Omit<TermRangeJob, "stopwords"> {
  const texts: string[] = new Array(count);
  const contexts: (string | null)[] = new Array(count);
  const speakers: string[] = [];
  const speakerIds = new Map<string, number>();
  const speakerOf = new Uint32Array(count);
  for (let doc = 0; doc < count; doc++) {
    const { text, context, speaker } = textOf(doc);
    texts[doc] = text;
    contexts[doc] = context ?? null;
    let id = speakerIds.get(speaker);
    if (id === undefined) {
      id = speakers.push(speaker) - 1;
      speakerIds.set(speaker, id);
    }
    speakerOf[doc] = id;
  }
  return { docCount, texts, contexts, speakers, speakerOf };
}

/**
 * Compiled (dist/, `npm start`) the worker is plain JavaScript next to this file; run from
 * source (tsx, vitest, the bench) it is TypeScript, which the boot file loads through tsx.
 */
const WORKER = import.meta.url.endsWith(".ts") ? "./term-range-worker-boot.mjs" : "./term-range-worker.js";

function runWorker(job: TermRangeJob): Promise<TermIndex> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(WORKER, import.meta.url), { workerData: job });
    worker.once("message", (index: TermIndex) => {
      resolve(index);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the indexing worker stopped with code ${code}`));
    });
  });
}
