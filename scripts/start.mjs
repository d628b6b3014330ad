// `npm start`: runs the compiled bot from dist/, with no TypeScript loader at run time.
// Builds first when dist/ is missing or was built from other sources, so `npm install && npm start`
// still does all the set-up on a fresh clone.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildDist, distDir, distIsCurrent, hasSources } from "./dist.mjs";

if (hasSources() && !distIsCurrent()) {
  process.stderr.write("Building Storyline into dist/ (it is missing or older than the sources)...\n");
  // tsc's messages to stderr: in the console, stdout carries the answers alone.
  if (!buildDist(2)) process.exit(1);
}
await import(pathToFileURL(path.join(distDir, "src", "main.js")).href);
