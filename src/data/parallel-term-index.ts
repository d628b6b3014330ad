import { Worker } from "node:worker_threads";
import { buildTermRange, type IndexedText, indexedText, indexesStopwords } from "../core/search/quote-finder.js";
import { mergeTermIndexesSteps, type TermIndex } from "../core/search/term-index.js";
import type { Steps } from "../core/steps.js";
import type { Story } from "../core/story.js";
import { runPaced } from "./run-paced.js";
import type { TermRangeJob } from "./term-range-worker.js";

/** Documents whose texts travel to the worker as one string: a few milliseconds to join. */
const DOCS_PER_STRING = 4_096;

/**
 * Builds a large story's term index on two cores: the first half of the documents in a
 * worker thread, the second half here a chunk at a time (yielding, so the event loop keeps
 * turning), then the two are merged. At a million quotes this is most of start-up.
 */
export async function buildTermIndexInParallel(story: Story, order: Uint32Array): Promise<{ terms: TermIndex; stopwordsIndexed: boolean }> {
  const half = Math.floor(order.length / 2);
  const textOf = (doc: number): IndexedText => indexedText(story.quotes[order[doc]!]!);
  const stopwords = indexesStopwords(order.length);
  const job = await runPaced(jobSteps(half, order.length, textOf));
  const first = runWorker({ ...job, stopwords });
  const second = await runPaced(buildTermRange(order.length, half, order.length, textOf, stopwords));
  const whole = await runPaced(mergeTermIndexesSteps(await first, second));
  return { terms: whole, stopwordsIndexed: stopwords };
}

/**
 * The worker's documents as a few long strings and typed arrays: copying a million small
 * strings into a worker holds this thread for half a second, copying a few hundred long ones
 * does not.
 */
function* jobSteps(count: number, docCount: number, textOf: (doc: number) => IndexedText): Steps<Omit<TermRangeJob, "stopwords">> {
  const texts: string[] = [];
  const contexts: string[] = [];
  const textLengths = new Uint32Array(count);
  const contextLengths = new Int32Array(count);
  const speakers: string[] = [];
  const speakerIds = new Map<string, number>();
  const speakerOf = new Uint32Array(count);
  for (let from = 0; from < count; from += DOCS_PER_STRING) {
    const textPart: string[] = [];
    const contextPart: string[] = [];
    for (let doc = from; doc < Math.min(count, from + DOCS_PER_STRING); doc++) {
      const { text, context, speaker } = textOf(doc);
      textPart.push(text);
      textLengths[doc] = text.length;
      contextPart.push(context ?? "");
      contextLengths[doc] = context === undefined ? -1 : context.length;
      let id = speakerIds.get(speaker);
      if (id === undefined) {
        id = speakers.push(speaker) - 1;
        speakerIds.set(speaker, id);
      }
      speakerOf[doc] = id;
    }
    texts.push(textPart.join(""));
    contexts.push(contextPart.join(""));
    yield;
  }
  return { docCount, docsPerString: DOCS_PER_STRING, texts, textLengths, contexts, contextLengths, speakers, speakerOf };
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
