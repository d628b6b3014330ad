// `npm run build`: compiles the bot into dist/ (see scripts/dist.mjs).
import { buildDist } from "./dist.mjs";

process.exitCode = buildDist() ? 0 : 1;
