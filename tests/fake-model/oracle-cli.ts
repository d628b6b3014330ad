import { readdirSync } from "node:fs";
import path from "node:path";
import { goldOracle } from "./gold-oracle.js";
import { startFakeModel } from "./server.js";

/**
 * Serves the gold oracle on 127.0.0.1 until stopped, to measure by hand:
 *   npx tsx tests/fake-model/oracle-cli.ts eval/dev
 * prints the MODEL_URL to use with `npm run eval:story -- eval/dev --engine model`.
 */
const root = process.argv[2] ?? "eval/dev";
const dirs = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(root, e.name));
const fake = await startFakeModel(goldOracle(dirs));
process.stdout.write(`MODEL_URL=${fake.url}\n`);
process.on("SIGINT", () => void fake.close().then(() => process.exit(0)));
process.on("SIGTERM", () => void fake.close().then(() => process.exit(0)));
