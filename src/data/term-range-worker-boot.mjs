// The indexing worker is TypeScript like the rest of Storyline; tsx compiles it in the worker
// thread as it does in the main one (under npm start, the tests and the bench alike).
import { tsImport } from "tsx/esm/api";

await tsImport("./term-range-worker.ts", import.meta.url);
