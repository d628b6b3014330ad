import { parentPort, workerData } from "node:worker_threads";
import { buildTermRange, type IndexedText } from "../core/search/quote-finder.js";
import { runSteps } from "../core/steps.js";

/**
 * Builds the term index of the first documents of a large story on another core; see
 * parallel-term-index.ts. Texts come as long strings, `docsPerString` documents each, cut
 * by their lengths (a context of length -1 is absent).
 */
export interface TermRangeJob {
  docCount: number;
  docsPerString: number;
  texts: string[];
  textLengths: Uint32Array;
  contexts: string[];
  contextLengths: Int32Array;
  speakers: string[];
  speakerOf: Uint32Array;
  stopwords: boolean;
}

const job = workerData as TermRangeJob;
const count = job.textLengths.length;
const docs: IndexedText[] = new Array(count);
for (let part = 0; part * job.docsPerString < count; part++) {
  let textAt = 0;
  let contextAt = 0;
  for (let doc = part * job.docsPerString; doc < Math.min(count, (part + 1) * job.docsPerString); doc++) {
    const text = job.texts[part]!.slice(textAt, (textAt += job.textLengths[doc]!));
    const contextLength = job.contextLengths[doc]!;
    const context = contextLength < 0 ? undefined : job.contexts[part]!.slice(contextAt, (contextAt += contextLength));
    docs[doc] = { text, ...(context !== undefined ? { context } : {}), speaker: job.speakers[job.speakerOf[doc]!]! };
  }
}
const index = runSteps(buildTermRange(job.docCount, 0, count, (doc) => docs[doc]!, job.stopwords));
parentPort!.postMessage(index, [index.offsets.buffer as ArrayBuffer, index.postings.buffer as ArrayBuffer]);
