import { parentPort, workerData } from "node:worker_threads";
import { buildTermRange } from "../core/search/quote-finder.js";
import { runSteps } from "../core/steps.js";

/** Builds the term index of the first documents of a large story on another core; see parallel-term-index.ts. */
export interface TermRangeJob {
  docCount: number;
  texts: string[];
  contexts: (string | null)[];
  speakers: string[];
  speakerOf: Uint32Array;
  stopwords: boolean;
}

const job = workerData as TermRangeJob;
const index = runSteps(buildTermRange(job.docCount, 0, job.texts.length, (doc) => ({
  text: job.texts[doc]!,
  ...(job.contexts[doc] ? { context: job.contexts[doc]! } : {}),
  speaker: job.speakers[job.speakerOf[doc]!]!,
}), job.stopwords));
parentPort!.postMessage(index, [index.offsets.buffer as ArrayBuffer, index.postings.buffer as ArrayBuffer]);
