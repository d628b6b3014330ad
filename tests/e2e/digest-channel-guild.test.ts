import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testClock } from "../digest/fakes.js";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { type RunningApp, startTestApp, tempWorkspace } from "./app-harness.js";
import { embedsOf, string } from "./harness.js";

let discord: FakeDiscord;
let running: RunningApp | undefined;

beforeEach(async () => {
  discord = await startFakeDiscord({ guilds: [{ name: "Ours" }, { name: "Theirs" }] });
});
afterEach(async () => {
  await running?.app.shutdown();
  running = undefined;
  await discord.close();
});

const subscribe = (guildId: string, channelId: string) => ({
  name: "digest",
  guildId,
  options: [{ name: "subscribe", type: 1, options: [{ name: "channel", type: 7, value: channelId }, string("schedule", "daily 08:00")] }],
});

describe("/digest subscribe", { timeout: 20_000 }, () => {
  it("refuses a channel of another server, and subscribes nothing", async () => {
    running = await startTestApp(discord, tempWorkspace(), testClock("2025-03-01T07:59:00Z"));
    const [ours, theirs] = discord.guilds;
    const foreign = theirs!.channels[1]!.id;

    const reply = await discord.sendCommand(subscribe(ours!.id, foreign));
    expect(reply.callback!.data.flags).toBe(64);
    expect(String(reply.callback!.data.content)).toMatch(/not in this server/);

    for (const guild of [ours!, theirs!]) {
      const list = await discord.sendCommand({ name: "digest", guildId: guild.id, options: [{ name: "list", type: 1 }] });
      expect(embedsOf(list.callback!.data)[0]!.title).toBe("No digest subscriptions");
    }

    // The same server's channel is still accepted.
    const own = await discord.sendCommand(subscribe(ours!.id, ours!.channels[1]!.id));
    expect(embedsOf(own.callback!.data)[0]!.title).toBe("Digest subscribed");
  });
});
