import { Client, GatewayIntentBits, type ClientOptions } from "discord.js";

export interface ClientSettings {
  /** Base URL of the REST API, without a trailing slash; Discord's own when unset. */
  restUrl?: string;
  /** Extra options for tests only (e.g. a no-op identify throttler against the fake Discord). */
  testOptions?: Partial<ClientOptions>;
}

/** Guilds is the only intent: slash commands need no message content or member lists. */
export function createClient(settings: ClientSettings = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    // Chat text from the story must never ping: this is the default, every payload sets it too.
    allowedMentions: { parse: [] },
    // As many shards as Discord recommends (GET /gateway/bot), all in this process: past 2,500 servers
    // Discord refuses a single shard. One client and one cache still see every shard's servers.
    shards: "auto",
    ...(settings.restUrl ? { rest: { api: settings.restUrl } } : {}),
    ...settings.testOptions,
  });
}
