import { parseArgs } from "node:util";
import { generateCorpus } from "./corpus/generate-story.js";
import { writeCorpus } from "./corpus/write-corpus.js";

/** `npm run bench:corpus -- --quotes N --out DIR [--seed S]`: a valid story data directory of N made-up quotes. */
const { values } = parseArgs({
  options: { quotes: { type: "string", default: "1000" }, out: { type: "string" }, seed: { type: "string", default: "1" } },
});
const quotes = Number(values.quotes);
if (!values.out || !Number.isInteger(quotes) || quotes < 1) {
  process.stderr.write("usage: npm run bench:corpus -- --quotes N --out DIR [--seed S]\n");
  process.exit(2);
}
const started = performance.now();
const written = await writeCorpus(generateCorpus({ quotes, seed: Number(values.seed) }), values.out);
process.stdout.write(`${written.quotes} quotes in ${written.articles} articles under ${values.out}/stories (${Math.round(performance.now() - started)} ms)\n`);
