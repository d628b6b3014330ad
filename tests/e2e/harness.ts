import { Writable } from "node:stream";
import { commands } from "../../commands/index.js";
import type { Command, Embed } from "../../src/command-kit/command.js";
import { createLogger } from "../../src/logger.js";
import { createClient } from "../../src/discord/create-client.js";
import { type Bot, startBot } from "../../src/discord/start-bot.js";
import { depsOf } from "../builders.js";
import { FAKE_TOKEN, type FakeDiscord, fakeClientOptions, startFakeDiscord } from "../fake-discord/index.js";
import { loadSeed } from "../seed.js";

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface TestBot {
  discord: FakeDiscord;
  bot: Bot;
  logs: LogLine[];
  stop(): Promise<void>;
}

/** The real bot (startBot, the real discord.js client) against a fresh fake Discord, logs captured. */
export async function startTestBot(options: { extraCommands?: Command[]; deferAfterMs?: number; drainMs?: number; now?: () => Date } = {}): Promise<TestBot> {
  const discord = await startFakeDiscord();
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const bot = await startBot({
    client: createClient({ restUrl: discord.restUrl, testOptions: { ws: fakeClientOptions(discord).ws } }),
    token: FAKE_TOKEN,
    commands: [...commands, ...(options.extraCommands ?? [])],
    deps: { ...depsOf(await loadSeed()), ...(options.now ? { now: options.now } : {}) },
    log: createLogger({ level: "debug", stream: sink }),
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    ...(options.drainMs !== undefined ? { drainMs: options.drainMs } : {}),
  });
  let stopped = false;
  return {
    discord,
    bot,
    logs,
    async stop() {
      if (stopped) return;
      stopped = true;
      await bot.shutdown();
      await discord.close();
    },
  };
}

export const string = (name: string, value: string, focused = false) => ({ name, type: 3, value, ...(focused ? { focused } : {}) });

/** The embeds of a message the fake recorded, typed as what Storyline sends. */
export function embedsOf(message: { embeds?: unknown } | undefined): Embed[] {
  return (message?.embeds ?? []) as Embed[];
}
