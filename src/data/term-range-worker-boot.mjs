// The indexing worker is TypeScript like the rest of Storyline; tsx compiles it in the worker
// thread as it does in the main one (the tests, the bench and the tsx scripts). Compiled code in
// dist/ starts term-range-worker.js directly and never loads this file.
import { tsImport } from "tsx/esm/api";

await tsImport("./term-range-worker.ts", import.meta.url);
