import type { ClientOptions } from "discord.js";
import { type CommandServices, commands } from "../commands/index.js";
import type { CommandDeps } from "./command-kit/command.js";
import type { StoryStore } from "./data/story-store.js";
import { watchDataDir } from "./data/watch-data-dir.js";
import { createDigestService } from "./digest/digest-service.js";
import { createPacer } from "./digest/pacer.js";
import type { Scheduler } from "./digest/scheduler.js";
import { openStateDb } from "./digest/state-db.js";
import { subscriptionRepo } from "./digest/subscriptions.js";
import { checkChannel } from "./discord/channel-access.js";
import { discordChannelPoster } from "./discord/channel-poster.js";
import { createClient } from "./discord/create-client.js";
import { startBot } from "./discord/start-bot.js";
import { startFollowLoop } from "./follow/follow-loop.js";
import { fetchSettings } from "./follow/follow-settings.js";
import { followState } from "./follow/follow-state.js";
import type { Logger } from "./logger.js";
import { settleWithin } from "./util/settle-within.js";

export interface AppSettings {
  token: string;
  restUrl?: string;
  stateDb: string;
  store: StoryStore;
  /** Watched for new or changed articles; unset, the data is loaded once. */
  dataDir?: string;
  log: Logger;
  scheduler: Scheduler;
  now(): Date;
  /** Tests only: e.g. a no-op identify throttler for the fake Discord. */
  clientOptions?: Partial<ClientOptions>;
  deferAfterMs?: number;
  drainMs?: number;
  /** Following the stories' feeds (sources.json): polling interval in ms (0: off) and a contact for the User-Agent. */
  follow?: { everyMs: number; contact?: string };
}

export interface App {
  shutdown(): Promise<void>;
}

/** Discord 40/s at most: below the global limit of 50 requests per second, with room for replies. */
const POST_INTERVAL_MS = 25;

/** The bot with everything it serves: commands, digests on their schedules, live data. */
export async function startApp(settings: AppSettings): Promise<App> {
  const { log, store } = settings;
  // First, before logging in: a second instance on the same file stops here.
  const db = openStateDb(settings.stateDb, { exclusive: true });
  const client = createClient({ ...(settings.restUrl ? { restUrl: settings.restUrl } : {}), ...(settings.clientOptions ? { testOptions: settings.clientOptions } : {}) });
  const digests = createDigestService({
    repo: subscriptionRepo(db),
    catalog: store.catalog,
    poster: discordChannelPoster(client),
    now: settings.now,
    log,
    pace: createPacer(POST_INTERVAL_MS),
    scheduler: settings.scheduler,
  });
  const deps: CommandDeps & CommandServices = {
    catalog: store.catalog,
    now: settings.now,
    digests: { service: digests, checkChannel: (channelId, guildId) => checkChannel(client, channelId, guildId) },
  };
  const bot = await startBot({
    client,
    token: settings.token,
    commands,
    deps,
    log,
    ...(settings.deferAfterMs !== undefined ? { deferAfterMs: settings.deferAfterMs } : {}),
    ...(settings.drainMs !== undefined ? { drainMs: settings.drainMs } : {}),
  });
  const watcher = settings.dataDir ? watchDataDir(settings.dataDir, store.reload, log) : undefined;
  // Runs a crash interrupted and slots missed while down, now that the client can post.
  await digests.catchUp();
  // New articles land in DATA_DIR, where the watcher above picks them up.
  const follower =
    settings.follow && settings.follow.everyMs > 0 && settings.dataDir
      ? startFollowLoop(
          {
            dataDir: settings.dataDir,
            state: followState(db),
            fetch: fetchSettings({ ...(settings.follow.contact ? { contact: settings.follow.contact } : {}), now: settings.now }),
            everyMs: settings.follow.everyMs,
            random: Math.random,
          },
          log,
        )
      : undefined;

  return {
    async shutdown() {
      // A page fetch under way has its own timeout; the drain bounds the wait either way.
      if (follower) await settleWithin(follower.stop(), settings.drainMs ?? 5_000);
      watcher?.close();
      // A digest post stuck on the network must not hold the process: its run is finished at the next start.
      await bot.shutdown(() => settleWithin(digests.stop(), settings.drainMs ?? 5_000));
      db.close();
    },
  };
}

