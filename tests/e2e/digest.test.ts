import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Embed } from "../../src/command-kit/command.js";
import { openStateDb } from "../../src/digest/state-db.js";
import { subscriptionRepo } from "../../src/digest/subscriptions.js";
import { testClock } from "../digest/fakes.js";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";
import { type RunningApp, startTestApp, tempWorkspace } from "./app-harness.js";
import { embedsOf, string } from "./harness.js";

let discord: FakeDiscord;
let running: RunningApp | undefined;
let workspace: ReturnType<typeof tempWorkspace>;
let clock: ReturnType<typeof testClock>;

beforeEach(async () => {
  discord = await startFakeDiscord({ guilds: [{ name: "Newsroom", channels: [{ name: "general" }, { name: "news" }, { name: "archive" }, { name: "quiet-room", denyBot: String(1 << 11) }] }] });
  workspace = tempWorkspace();
  clock = testClock("2025-03-01T07:59:00Z");
});
afterEach(async () => {
  await running?.app.shutdown();
  running = undefined;
  await discord.close();
});

const channel = (name: string) => discord.guilds[0]!.channels.find((c) => c.name === name)!.id;
const start = async () => (running = await startTestApp(discord, workspace, clock));
const restart = async () => {
  await running!.app.shutdown();
  return start();
};
const subscribeCommand = (channelId: string, schedule = "daily 08:00", extra: { permissions?: string } = {}) => ({
  name: "digest",
  ...extra,
  options: [{ name: "subscribe", type: 1, options: [{ name: "channel", type: 7, value: channelId }, string("schedule", schedule), string("timezone", "UTC")] }],
});
const posts = (channelId: string) => discord.requests.filter((r) => r.method === "POST" && r.path === `/api/v10/channels/${channelId}/messages`);
const titleOf = (message: { embeds?: unknown }) => (message.embeds as Embed[])[0]?.title;

describe("scheduled digests on (fake) Discord", { timeout: 20_000 }, () => {
  it("subscribes through an interaction, posts at the scheduled minute, never twice, and then exactly what a new article changed", async () => {
    await start();
    const news = channel("news");
    const reply = await discord.sendCommand(subscribeCommand(news));
    expect(reply.callback?.data.flags).toBe(64);
    const confirmation = embedsOf(reply.callback?.data)[0]!;
    expect(confirmation.title).toBe("Digest subscribed");
    expect(confirmation.description).toContain(`Next digest: <t:${Date.parse("2025-03-01T08:00:00Z") / 1000}:F>`);

    clock.set("2025-03-01T08:00:00Z");
    running!.scheduler.fireAll();
    await vi.waitFor(() => expect(discord.messages(news)).toHaveLength(1));
    expect(titleOf(discord.messages(news)[0]!)).toBe("Where things stand · Talks to end the war in Ukraine");
    expect(posts(news)[0]!.body).toMatchObject({ enforce_nonce: true, nonce: expect.stringMatching(/^[0-9a-f]{25}$/), allowed_mentions: { parse: [] } });

    // Restarted in the same minute: the run is done, so neither the catch-up nor a late tick posts again.
    clock.set("2025-03-01T08:00:30Z");
    await restart();
    running!.scheduler.fireAll();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(discord.messages(news)).toHaveLength(1);

    // A new article arrives while the bot runs: it is picked up without a restart.
    writeFileSync(path.join(workspace.dataDir, "stories/ukraine-peace-talks/articles/2025-03-02-zelenskyy-visit.json"), JSON.stringify(newArticle));
    await vi.waitFor(() => expect(running!.store.catalog().stories[0]!.articles).toHaveLength(2), { timeout: 5_000 });
    clock.set("2025-03-02T08:00:00Z");
    running!.scheduler.fireAll();
    await vi.waitFor(() => expect(discord.messages(news)).toHaveLength(2));
    const [header, threads, quotes] = embedsOf(discord.messages(news)[1]);
    expect(header!.title).toBe("What changed · Talks to end the war in Ukraine");
    expect(header!.description).toMatch(/^\*\*In short:\*\* [^\n]+\.\n1 new article since <t:\d+:f>:\n• Trump and Zelenskyy meet at the White House — Test Wire, 2 Mar 2025$/);
    expect(threads!.fields).toEqual([{ name: "Trump–Zelenskyy meeting: Planned → Held", value: "2 Mar 2025 · The two presidents met at the White House" }]);
    expect(quotes!.fields).toEqual([{ name: "Volodymyr Zelenskyy", value: "“We talked about security guarantees for Ukraine.”\n2 Mar 2025 · Test Wire" }]);

    // A broken edit of that file is reported down to the field, and the last good version keeps serving.
    writeFileSync(path.join(workspace.dataDir, "stories/ukraine-peace-talks/articles/2025-03-02-zelenskyy-visit.json"), JSON.stringify({ ...newArticle, status: [{ ...newArticle.status[0], state: "finished" }] }));
    await vi.waitFor(() => expect(running!.logs.some((l) => String(l.msg).includes("2025-03-02-zelenskyy-visit.json: status[0].state: Invalid option"))).toBe(true), { timeout: 5_000 });
    expect(running!.store.catalog().stories[0]!.status.at(-1)?.state).toBe("held");
  });

  it("finishes a run whose post was accepted just before a crash, and still one message", async () => {
    await start();
    const news = channel("news");
    await discord.sendCommand(subscribeCommand(news));
    // Discord stores the message, but the answer never reaches the bot, which then goes down.
    discord.failNext({ method: "POST", path: `/api/v10/channels/${news}/messages`, status: 0, afterHandling: true });
    clock.set("2025-03-01T08:00:00Z");
    running!.scheduler.fireAll();
    await vi.waitFor(() => expect(discord.messages(news)).toHaveLength(1));
    clock.set("2025-03-01T08:02:00Z");
    await restart();

    await vi.waitFor(() => expect(running!.logs.some((l) => l.msg === "Digest run finished")).toBe(true));
    expect(posts(news)).toHaveLength(2);
    expect(posts(news)[1]!.body).toMatchObject({ nonce: (posts(news)[0]!.body as { nonce: string }).nonce });
    expect(discord.messages(news)).toHaveLength(1);
  });

  it("marks deleted and forbidden channels failing in /digest list while the other subscriptions still post", async () => {
    await start();
    const [general, news, archive] = [channel("general"), channel("news"), channel("archive")];
    await discord.sendCommand(subscribeCommand(general));
    await discord.sendCommand(subscribeCommand(news));
    await discord.sendCommand(subscribeCommand(archive));
    discord.deleteChannel(general);
    discord.forbidChannel(archive);
    clock.set("2025-03-01T08:00:00Z");
    running!.scheduler.fireAll();
    await vi.waitFor(() => expect(discord.messages(news)).toHaveLength(1));
    await vi.waitFor(() => expect(running!.logs.filter((l) => l.msg === "Digest channel unusable; subscription marked failing")).toHaveLength(2));

    const listed = await discord.sendCommand({ name: "digest", channelId: news, options: [{ name: "list", type: 1 }] });
    const list = embedsOf(listed.callback?.data)[0]!;
    expect(list.fields!.map((f) => f.value.split("\n").at(-1))).toEqual([
      `⚠️ Failing: Cannot post in <#${general}>: the channel was deleted.`,
      "Status: OK",
      `⚠️ Failing: Cannot post in <#${archive}>: the bot may no longer post or embed in the channel.`,
    ]);
  });

  it("refuses a channel the bot cannot post in, and members without Manage Server", async () => {
    await start();
    const denied = await discord.sendCommand(subscribeCommand(channel("quiet-room")));
    expect(denied.callback?.data).toMatchObject({ flags: 64, content: expect.stringContaining("I am missing Send Messages there") });
    const member = await discord.sendCommand(subscribeCommand(channel("news"), "daily 08:00", { permissions: "0" }));
    expect(member.callback?.data).toMatchObject({ flags: 64, content: "Managing digests needs the Manage Server permission." });
    const badSchedule = await discord.sendCommand(subscribeCommand(channel("news"), "every morning"));
    expect(badSchedule.callback?.data.content).toMatch(/"every morning" is not a schedule I know/);
  });

  it("refuses schedules that never run or run too often, saves nothing, and starts again cleanly", async () => {
    await start();
    const news = channel("news");
    for (const [schedule, problem] of [["0 0 31 2 *", "never runs"], ["0 0 31 4 *", "never runs"], ["5/15 * * * *", "at most every 30 minutes"], ["* * * * *", "at most every 30 minutes"]]) {
      const reply = await discord.sendCommand(subscribeCommand(news, schedule));
      expect(reply.callback?.data).toMatchObject({ flags: 64, content: expect.stringContaining(problem!) });
    }
    const listed = await discord.sendCommand({ name: "digest", channelId: news, options: [{ name: "list", type: 1 }] });
    expect(embedsOf(listed.callback?.data)[0]!.title).toBe("No digest subscriptions");
    await restart();
    const ok = await discord.sendCommand(subscribeCommand(news, "0 8 1 * 1"));
    expect(embedsOf(ok.callback?.data)[0]!.description).toContain(`Next digest: <t:${Date.parse("2025-03-01T08:00:00Z") / 1000}:F>`);
  });

  it("starts with a saved schedule it no longer accepts: that subscription fails, the others post", async () => {
    const [general, news] = [channel("general"), channel("news")];
    const db = openStateDb(workspace.stateDb);
    const repo = subscriptionRepo(db);
    const saved = { guildId: discord.guilds[0]!.id, storyId: "ukraine-peace-talks", timezone: "UTC", quiet: true, createdAt: "2025-03-01T07:00:00Z" };
    repo.upsert({ ...saved, channelId: general, schedule: "0 0 30 2 *", cron: "0 0 30 2 *" });
    repo.upsert({ ...saved, channelId: news, schedule: "daily 08:00", cron: "0 8 * * *" });
    db.close();
    await start();
    clock.set("2025-03-01T08:00:00Z");
    running!.scheduler.fireAll();
    await vi.waitFor(() => expect(discord.messages(news)).toHaveLength(1));
    const listed = await discord.sendCommand({ name: "digest", channelId: news, options: [{ name: "list", type: 1 }] });
    expect(embedsOf(listed.callback?.data)[0]!.fields!.map((f) => f.value.split("\n").at(-1))).toEqual([
      expect.stringMatching(/^⚠️ Failing: Its schedule "0 0 30 2 \*" \(UTC\) is not accepted any more: .*never runs/),
      "Status: OK",
    ]);
  });
});

const newArticle = {
  id: "2025-03-02-zelenskyy-visit",
  title: "Trump and Zelenskyy meet at the White House",
  date: "2025-03-02",
  source: { name: "Test Wire" },
  summary: "Made up for a test.",
  quotes: [{ speaker: "volodymyr-zelenskyy", text: "We talked about security guarantees for Ukraine.", kind: "direct" }],
  status: [{ topic: "trump-zelenskyy-meeting", state: "held", detail: "The two presidents met at the White House", date: "2025-03-02" }],
};
