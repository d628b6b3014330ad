import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
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
const USAGE = 'Usage: npm run --silent ask -- [--json] [--page N] [--files DIR] "/quote speaker:Peskov"';

async function main(args: string[]): Promise<number> {
  const flags = readFlags(args);
  if (!flags) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { json, page, filesDir, lines } = flags;
  loadDotenv({ quiet: true });
  const config = readConfig(process.env);
  // Only warnings and worse: stdout carries the answer alone.
  const log = createLogger({ level: config.logLevel === "info" ? "warn" : config.logLevel, destination: 2 });
  const store = await openStoryStore(config.dataDir, log, { cacheDir: config.cacheDir });
  try {
    const payload = await runLine(lines[0]!, commands, { catalog: store.catalog, now: () => new Date(), ...(page ? { paging: { page, created: new Date() } } : {}) });
    const { files, ...message } = payload;
    const shown = json ? { ...message, ...(files ? { files: files.map((f) => ({ name: f.name, bytes: f.data.length })) } : {}) } : undefined;
    process.stdout.write(`${shown ? JSON.stringify(shown, null, 2) : renderText(payload)}\n`);
    for (const file of files ?? []) {
      if (!filesDir) {
        process.stderr.write(`(${file.name} attached: add --files DIR to save it)\n`);
        continue;
      }
      mkdirSync(filesDir, { recursive: true });
      // The file name is ours, but keep it to a plain name inside DIR whatever it holds.
      const target = path.join(filesDir, path.basename(file.name));
      writeFileSync(target, file.data);
      process.stdout.write(`Attachment: ${target}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

function readFlags(args: string[]): { json: boolean; page?: number; filesDir?: string; lines: string[] } | undefined {
  const result: { json: boolean; page?: number; filesDir?: string; lines: string[] } = { json: false, lines: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--json") result.json = true;
    else if (arg === "--page") {
      const value = args[++i] ?? "";
      if (!/^[1-9]\d{0,5}$/.test(value)) return undefined;
      result.page = Number(value);
    } else if (arg === "--files") {
      const value = args[++i];
      if (!value) return undefined;
      result.filesDir = value;
    } else result.lines.push(arg);
  }
  return result.lines.length === 1 ? result : undefined;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof NoStoryError;
    process.stderr.write(`${known ? (error as Error).message : (error as Error).stack}\n`);
    process.exitCode = 1;
  },
);
