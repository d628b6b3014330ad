import { config as loadDotenv } from "dotenv";
import { commands } from "../commands/index.js";
import { startApp } from "./app.js";
import { ConfigError, readConfig } from "./config.js";
import { runRepl } from "./console/repl.js";
import { NoStoryError, openStoryStore } from "./data/story-store.js";
import { nodeCronScheduler } from "./digest/scheduler.js";
import { createLogger } from "./logger.js";

/** The composition root: config once, then the store, then the console or the Discord bot. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = readConfig(process.env);
  const consoleMode = !config.discordToken;
  // In the console, stdout is for answers; logs go to stderr.
  const log = createLogger({ level: config.logLevel, destination: consoleMode ? 2 : 1 });
  const store = await openStoryStore(config.dataDir, log, { cacheDir: config.cacheDir });

  if (!config.discordToken) {
    process.stderr.write("No DISCORD_TOKEN is set, so Storyline runs as a local console. Type /help, or exit to leave.\n");
    const repl = runRepl({ commands, deps: { catalog: store.catalog, now: () => new Date() }, log });
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => repl.stop());
    await repl.done;
    return;
  }

  const app = await startApp({
    token: config.discordToken,
    ...(config.discordRestUrl ? { restUrl: config.discordRestUrl } : {}),
    stateDb: config.stateDb,
    store,
    dataDir: config.dataDir,
    log,
    scheduler: nodeCronScheduler,
    now: () => new Date(),
    follow: { everyMs: config.followEveryMs, ...(config.followContact ? { contact: config.followContact } : {}) },
  });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  log.info({ signal }, "Stopping");
  await app.shutdown();
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof NoStoryError;
  const refused = (error as { code?: string }).code === "TokenInvalid";
  const message = refused ? "Discord refused DISCORD_TOKEN: check it in the developer portal (Bot > Reset Token)." : known ? (error as Error).message : (error as Error).stack;
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
});
