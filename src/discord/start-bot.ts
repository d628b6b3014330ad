import { type Client, Events, MessageFlags } from "discord.js";
import type { Command, CommandDeps } from "../command-kit/command.js";
import type { Logger } from "../logger.js";
import { settleWithin } from "../util/settle-within.js";
import { handleInteraction } from "./handle-interaction.js";
import { NO_MENTIONS } from "../message/payload.js";

const DESTROY_WITHIN_MS = 1_000;

export interface BotSettings {
  /** Made by createClient; passed in so the caller can wire other services to it before login. */
  client: Client;
  token: string;
  commands: readonly Command[];
  deps: CommandDeps;
  log: Logger;
  /** How long shutdown waits for replies already under way. */
  drainMs?: number;
  deferAfterMs?: number;
}

export interface Bot {
  /** Stops taking interactions, lets in-flight replies finish (bounded by drainMs), runs `beforeDisconnect`, then disconnects. */
  shutdown(beforeDisconnect?: () => Promise<void>): Promise<void>;
}

/** Logs in and resolves once every shard is ready, so a shutdown can never catch a shard mid-handshake. */
export async function startBot(settings: BotSettings): Promise<Bot> {
  const { log, client } = settings;
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  client.on(Events.InteractionCreate, (interaction) => {
    if (!accepting) {
      if (interaction.isRepliable()) {
        void interaction.reply({ content: "Storyline is restarting; try again in a moment.", flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }).catch(() => undefined);
      }
      return;
    }
    const work = handleInteraction(interaction, settings)
      .catch((error: unknown) => log.error({ err: error, interaction: interaction.id }, "Interaction handler crashed"))
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  client.on(Events.Error, (error) => log.error({ err: error }, "Discord client error"));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, "Gateway disconnected"));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, "Gateway session resumed"));

  const ready = new Promise<void>((resolve) =>
    client.once(Events.ClientReady, (c) => {
      log.info({ user: c.user.tag, guilds: c.guilds.cache.size }, "Ready");
      resolve();
    }),
  );
  await client.login(settings.token);
  await ready;

  return {
    async shutdown(beforeDisconnect) {
      accepting = false;
      const drainMs = settings.drainMs ?? 5_000;
      log.info({ inFlight: inFlight.size }, "Shutting down");
      await settleWithin(Promise.allSettled([...inFlight]), drainMs);
      await beforeDisconnect?.();
      // destroy() can wait on a shard that is still reconnecting; a stop must not.
      await settleWithin(client.destroy(), DESTROY_WITHIN_MS);
      log.info("Disconnected from Discord");
    },
  };
}
