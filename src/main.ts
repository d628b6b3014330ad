import { config as loadDotenv } from "dotenv";
import { commands } from "../commands/index.js";
import { ConfigError, readConfig } from "./config.js";
import { runRepl } from "./console/repl.js";
import { NoStoryError, openStoryStore } from "./data/story-store.js";
import { createLogger } from "./logger.js";

/** The composition root: config once, then the store, then the console or the Discord bot. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = readConfig(process.env);
  const consoleMode = !config.discordToken;
  const log = createLogger({ level: config.logLevel, destination: consoleMode ? 2 : 1 });
  const store = await openStoryStore(config.dataDir, log);
  const deps = { catalog: store.catalog, now: () => new Date() };

  if (consoleMode) {
    process.stderr.write("No DISCORD_TOKEN is set, so Storyline runs as a local console. Type /help, or exit to leave.\n");
    const repl = runRepl({ commands, deps, log });
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => repl.stop());
    await repl.done;
    return;
  }
  throw new Error("The Discord client is not built yet.");
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof NoStoryError;
  process.stderr.write(`${known ? (error as Error).message : (error as Error).stack}\n`);
  process.exitCode = 1;
});
