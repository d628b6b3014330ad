import { config as loadDotenv } from "dotenv";
import { commands } from "../../commands/index.js";
import { ConfigError, readConfig } from "../config.js";
import { UserError } from "../core/errors.js";
import { NoStoryError, openStoryStore } from "../data/story-store.js";
import { createLogger } from "../logger.js";
import { renderText } from "./render-text.js";
import { runLine } from "./run-line.js";

/**
 * `npm run --silent ask -- [--json] "<line>"`: answers one command line and exits.
 * Exit 0 with the answer; 2 when the line or what it asks is wrong; 1 on anything else.
 */
const USAGE = 'Usage: npm run --silent ask -- [--json] "/quote speaker:Peskov"';

async function main(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const lines = args.filter((a) => a !== "--json");
  if (lines.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  loadDotenv({ quiet: true });
  const config = readConfig(process.env);
  // Only warnings and worse: stdout carries the answer alone.
  const log = createLogger({ level: config.logLevel === "info" ? "warn" : config.logLevel, destination: 2 });
  const store = await openStoryStore(config.dataDir, log, { cacheDir: config.cacheDir });
  try {
    const payload = await runLine(lines[0]!, commands, { catalog: store.catalog, now: () => new Date() });
    process.stdout.write(`${json ? JSON.stringify(payload, null, 2) : renderText(payload)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof NoStoryError;
    process.stderr.write(`${known ? (error as Error).message : (error as Error).stack}\n`);
    process.exitCode = 1;
  },
);
