import { config as loadDotenv } from "dotenv";
import { commands } from "../commands/index.js";
import { startApp } from "./app.js";
import { ConfigError, readConfig } from "./config.js";
import { runRepl } from "./console/repl.js";
import { NoStoryError, openStoryStore } from "./data/story-store.js";
import { nodeCronScheduler } from "./digest/scheduler.js";
import { StateDbError } from "./digest/state-db.js";
import { startHeartbeat } from "./health/heartbeat.js";
import { createLogger } from "./logger.js";
import { settleWithin } from "./util/settle-within.js";

/** SIGINT/SIGTERM to exit: what systemd and container stops allow before they kill. */
const STOP_WITHIN_MS = 5_000;

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

  // Listening before the start: a stop asked for while connecting waits for the start, then runs.
  const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  const app = await startApp({
    token: config.discordToken,
    ...(config.discordRestUrl ? { restUrl: config.discordRestUrl } : {}),
    stateDb: config.stateDb,
    store,
    dataDir: config.dataDir,
    log,
    scheduler: nodeCronScheduler,
    now: () => new Date(),
  });
  const heartbeat = config.heartbeatFile ? startHeartbeat(config.heartbeatFile) : undefined;
  const signal = await stopSignal;
  log.info({ signal }, "Stopping");
  heartbeat?.stop();
  const started = Date.now();
  // Bounded as a whole: replies under way get what is left of the drain, nothing gets more.
  await settleWithin(app.shutdown(), STOP_WITHIN_MS - 250);
  log.info({ ms: Date.now() - started }, "Stopped");
  // With Discord unreachable, discord.js leaves reconnect timers and sockets behind after destroy();
  // everything of ours is closed (the state file is crash-safe if not), so nothing left is worth waiting for.
  process.exit(process.exitCode ?? 0);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof NoStoryError || error instanceof StateDbError;
  const refused = (error as { code?: string }).code === "TokenInvalid";
  const message = refused ? "Discord refused DISCORD_TOKEN: check it in the developer portal (Bot > Reset Token)." : known ? (error as Error).message : (error as Error).stack;
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
});
