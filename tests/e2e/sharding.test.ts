import { afterEach, describe, expect, it, vi } from "vitest";
import { commands } from "../../commands/index.js";
import { deployCommands } from "../../src/discord/deploy-commands.js";
import { testClock } from "../digest/fakes.js";
import { FAKE_TOKEN, type FakeDiscord, shardOf, startFakeDiscord } from "../fake-discord/index.js";
import { type RunningApp, startTestApp, tempWorkspace } from "./app-harness.js";
import { embedsOf, string } from "./harness.js";

let discord: FakeDiscord;
let running: RunningApp | undefined;
afterEach(async () => {
  await running?.app.shutdown();
  running = undefined;
  await discord.close();
});

/** A guild id that Discord's rule puts on the given shard of two. */
const guildOnShard = (shard: number) => String((BigInt(Date.now()) * 2n + BigInt(shard)) << 22n);

const subscribe = (guildId: string, channelId: string) => ({
  name: "digest",
  guildId,
  options: [{ name: "subscribe", type: 1, options: [{ name: "channel", type: 7, value: channelId }, string("schedule", "daily 08:00")] }],
});

describe("past one shard: Discord asks for two", { timeout: 30_000 }, () => {
  it("identifies both shards, answers, checks channels and posts digests in guilds on either shard, and deploys commands", async () => {
    const ids = [guildOnShard(0), guildOnShard(1)];
    expect(ids.map((id) => shardOf(id, 2))).toEqual([0, 1]);
    discord = await startFakeDiscord({ shards: 2, guilds: [{ id: ids[0], name: "Even" }, { id: ids[1], name: "Odd" }] });
    const clock = testClock("2025-03-01T07:59:00Z");
    running = await startTestApp(discord, tempWorkspace(), clock);

    const identified = discord.frames.filter((f) => f.direction === "in" && f.op === 2).map((f) => (f.d as { shard: number[] }).shard);
    expect(identified.sort()).toEqual([[0, 2], [1, 2]]);
    expect(running.logs.find((l) => l.msg === "Ready")).toMatchObject({ guilds: 2 });

    for (const guild of discord.guilds) {
      const ix = await discord.sendCommand({ name: "quote", guildId: guild.id, options: [string("speaker", "Peskov")] });
      expect(embedsOf(ix.callback!.data)[0]!.title).toBe("Quotes from Dmitry Peskov");
      const news = guild.channels[1]!.id;
      const reply = await discord.sendCommand(subscribe(guild.id, news));
      expect(embedsOf(reply.callback!.data)[0]!.title).toBe("Digest subscribed");
    }

    clock.set("2025-03-01T08:00:00Z");
    running.scheduler.fireAll();
    for (const guild of discord.guilds) {
      await vi.waitFor(() => expect(discord.messages(guild.channels[1]!.id)).toHaveLength(1));
    }

    const definitions = commands.map((c) => c.definition);
    expect(await deployCommands({ token: FAKE_TOKEN, definitions, restUrl: discord.restUrl })).toMatchObject({ scope: "global", changed: true });
    expect(await deployCommands({ token: FAKE_TOKEN, definitions, restUrl: discord.restUrl, guildId: ids[1] })).toMatchObject({ scope: "guild", changed: true });
    expect(discord.commands().map((c) => c.name)).toEqual(definitions.map((d) => d.name));
    expect(discord.commands(ids[1]).map((c) => c.name)).toEqual(definitions.map((d) => d.name));
  });
});
