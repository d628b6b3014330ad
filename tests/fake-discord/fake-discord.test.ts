import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import {
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  Routes,
  type Interaction,
  type TextChannel,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FAKE_TOKEN, fakeClientOptions, startFakeDiscord, type FakeDiscord } from "./index.js";

let discord: FakeDiscord;
let client: Client | undefined;
let handlerErrors: unknown[] = [];

/** Tiny inline bot: /quote replies with an embed, /slow defers then edits, autocomplete offers two speakers. */
async function onInteraction(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = String(interaction.options.getFocused()).toLowerCase();
    const speakers = ["Peskov", "Zakharova"].filter((s) => s.toLowerCase().startsWith(typed));
    await interaction.respond(speakers.map((s) => ({ name: s, value: s.toLowerCase() })));
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  if (interaction.commandName === "quote") {
    const speaker = interaction.options.getString("speaker", true);
    const embed = new EmbedBuilder().setTitle(`Quote from ${speaker}`).setDescription("No comment. @everyone");
    await interaction.reply({ embeds: [embed], allowedMentions: { parse: [] } });
  } else if (interaction.commandName === "story") {
    const target = interaction.options.getUser("target");
    const where = interaction.options.getChannel("where");
    await interaction.reply(`${interaction.options.getSubcommand()} ${target?.username ?? "-"} #${where?.name ?? "-"}`);
  } else if (interaction.commandName === "slow") {
    await interaction.deferReply();
    await sleep(50);
    await interaction.editReply({ content: "Finished thinking", allowedMentions: { parse: [] } });
  }
}

async function login(): Promise<Client> {
  const c = new Client({ intents: [GatewayIntentBits.Guilds], ...fakeClientOptions(discord) });
  c.on(Events.InteractionCreate, (i) => void onInteraction(i).catch((e: unknown) => handlerErrors.push(e)));
  const ready = once(c, Events.ClientReady, { signal: AbortSignal.timeout(5000) });
  client = c;
  await c.login(FAKE_TOKEN);
  await ready; // destroy() on a client still waiting for HELLO/READY can hang (see afterEach)
  return c;
}

function textChannel(c: Client, id: string): TextChannel {
  const channel = c.channels.cache.get(id);
  if (!channel?.isTextBased() || channel.isDMBased()) throw new Error(`channel ${id} not cached`);
  return channel as TextChannel;
}

const firstChannelId = () => discord.guilds[0]!.channels[0]!.id;

describe("fake discord + real discord.js Client", { timeout: 10_000 }, () => {
  beforeEach(async () => {
    handlerErrors = [];
    discord = await startFakeDiscord();
  });

  afterEach(async () => {
    // Bounded, in case a test failed before clientReady (destroy() can then hang).
    if (client) await Promise.race([client.destroy(), sleep(2000)]);
    client = undefined;
    await discord.close();
    expect(handlerErrors).toEqual([]);
  });

  it("logs in, gets READY + GUILD_CREATE, and caches the guild", async () => {
    const c = await login();
    const guild = discord.guilds[0]!;
    expect(c.user?.id).toBe(discord.bot.id);
    expect(c.application?.id).toBe(discord.applicationId);
    expect(c.guilds.cache.get(guild.id)?.name).toBe("Fake Guild");
    expect(c.guilds.cache.get(guild.id)?.channels.cache.map((ch) => ch.name).sort()).toEqual(["general", "news"]);

    const identify = discord.frames.find((f) => f.direction === "in" && f.op === 2);
    expect(identify?.d).toMatchObject({ token: "[redacted]", intents: GatewayIntentBits.Guilds });
    const gatewayBot = discord.requests.find((r) => r.path === "/api/v10/gateway/bot");
    expect(gatewayBot?.headers.authorization).toBe("Bot [redacted]");
  });

  it("records a chat-input reply with an embed and allowed_mentions", async () => {
    await login();
    const ix = await discord.sendCommand({ name: "quote", options: [{ name: "speaker", type: 3, value: "Peskov" }] });

    expect(ix.callback?.type).toBe(4);
    const callback = discord.requests.find((r) => r.path === `/api/v10/interactions/${ix.id}/${ix.token}/callback`);
    expect(callback?.status).toBe(204);
    expect(callback?.body).toMatchObject({
      type: 4,
      data: { embeds: [{ title: "Quote from Peskov" }], allowed_mentions: { parse: [] } },
    });
    const final = await ix.waitForFinal();
    expect(final.embeds).toEqual([expect.objectContaining({ description: "No comment. @everyone" })]);
    expect(discord.messages(firstChannelId())).toHaveLength(1);
  });

  it("passes subcommands and resolved user/channel options to the handler", async () => {
    await login();
    const news = discord.guilds[0]!.channels[1]!;
    const ix = await discord.sendCommand({
      name: "story",
      options: [
        {
          name: "follow",
          type: 1,
          options: [
            { name: "target", type: 6, value: discord.tester.id },
            { name: "where", type: 7, value: news.id },
          ],
        },
      ],
    });
    expect(ix.callback?.data.content).toBe("follow tester #news");
    expect(ix.payload.data).toMatchObject({ resolved: { users: { [discord.tester.id]: { username: "tester" } } } });
  });

  it("acks heartbeats", async () => {
    await discord.close();
    discord = await startFakeDiscord({ heartbeatIntervalMs: 100 });
    await login();
    await discord.waitForFrame((f) => f.direction === "in" && f.op === 1);
    await discord.waitForFrame((f) => f.direction === "out" && f.op === 11);
  });

  it("answers autocomplete with a type 8 callback", async () => {
    await login();
    const choices = await discord.sendAutocomplete({
      name: "quote",
      options: [{ name: "speaker", type: 3, value: "pes", focused: true }],
    });
    expect(choices).toEqual([{ name: "Peskov", value: "peskov" }]);
    expect(discord.interactions[0]?.callback?.type).toBe(8);
  });

  it("deferReply then editReply arrives as type 5 then PATCH @original", async () => {
    await login();
    const ix = await discord.sendCommand({ name: "slow" });
    expect(ix.callback?.type).toBe(5);
    const final = await ix.waitForFinal();
    expect(final.content).toBe("Finished thinking");
    expect(ix.events.map((e) => e.kind)).toEqual(["callback", "edit"]);
    const patch = await discord.waitForRequest({ method: "PATCH", path: /messages\/@original$/ });
    expect(patch.path).toBe(`/api/v10/webhooks/${discord.applicationId}/${ix.token}/messages/@original`);
    expect(patch.body).toMatchObject({ content: "Finished thinking", allowed_mentions: { parse: [] } });
  });

  it("resumes after a dropped gateway and replays an interaction sent while down", async () => {
    await login();
    discord.dropGateway();
    // Dispatched while the socket is dead: must be replayed on RESUME.
    const ix = await discord.sendCommand({ name: "quote", options: [{ name: "speaker", type: 3, value: "Lavrov" }] });
    expect(ix.callback?.type).toBe(4);

    const resume = discord.frames.find((f) => f.direction === "in" && f.op === 6);
    expect(resume?.d).toMatchObject({ token: "[redacted]", session_id: expect.any(String) as unknown });
    expect(discord.frames.filter((f) => f.direction === "in" && f.op === 2)).toHaveLength(1);
    const resumed = discord.connections.at(-1)!;
    expect(resumed.url).toMatch(/^\/resume\?/); // READY's resume_gateway_url was used
    const replayed = discord.frames.find((f) => f.connection === resumed.id && f.t === "INTERACTION_CREATE");
    expect(replayed?.d).toMatchObject({ id: ix.id });

    const again = await discord.sendCommand({ name: "slow" });
    expect((await again.waitForFinal()).content).toBe("Finished thinking");
  });

  it("closeGateway(4000) resumes; an invalidated session re-identifies", async () => {
    await login();
    discord.closeGateway(4000);
    await discord.waitForResume(1);
    await discord.waitForFrame((f) => f.direction === "out" && f.t === "RESUMED");

    const from = discord.frames.length;
    discord.closeGateway(4000, { invalidateSession: true });
    await discord.waitForIdentify(2);
    await discord.waitForFrame((f) => f.direction === "out" && f.t === "READY", { from });
    const sent = discord.frames.slice(from).filter((f) => f.direction === "out").map((f) => f.t ?? f.op);
    expect(sent).toEqual(expect.arrayContaining([10, 9, "READY", "GUILD_CREATE"]));

    const ix = await discord.sendCommand({ name: "quote", options: [{ name: "speaker", type: 3, value: "Peskov" }] });
    expect(ix.callback?.type).toBe(4);
  });

  it("waits out a 429 with retry-after on the callback and still replies", async () => {
    await login();
    discord.failNext({ method: "POST", path: /\/callback$/, status: 429, retryAfter: 0.3 });
    const ix = await discord.sendCommand({ name: "quote", options: [{ name: "speaker", type: 3, value: "Peskov" }] });
    expect(ix.callback?.type).toBe(4);

    const attempts = discord.requests.filter((r) => r.path.endsWith("/callback"));
    expect(attempts.map((r) => [r.status, r.injected ?? false])).toEqual([
      [429, true],
      [204, false],
    ]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(250);
  });

  it("survives a global 429 and a 500 on channel messages", async () => {
    const c = await login();
    const channel = textChannel(c, firstChannelId());
    discord.failNext({ method: "POST", path: "/messages", status: 429, retryAfter: 0.2, global: true });
    discord.failNext({ method: "POST", path: "/messages", status: 500 });
    await channel.send({ content: "breaking news", allowedMentions: { parse: [] } });
    const statuses = discord.requests.filter((r) => r.path.endsWith("/messages")).map((r) => r.status);
    expect(statuses).toEqual([429, 500, 200]);
    expect(discord.messages(channel.id).map((m) => m.content)).toEqual(["breaking news"]);
  });

  it("dedupes create-message by nonce + enforce_nonce", async () => {
    const c = await login();
    const channel = textChannel(c, firstChannelId());
    const first = await channel.send({ content: "update #1", nonce: "story-1-update-1", enforceNonce: true });
    const second = await channel.send({ content: "update #1", nonce: "story-1-update-1", enforceNonce: true });
    expect(second.id).toBe(first.id);
    expect(discord.messages(channel.id)).toHaveLength(1);
    expect(discord.requests.filter((r) => r.method === "POST" && r.path.endsWith("/messages"))).toHaveLength(2);
  });

  it("bulk-overwrites commands idempotently (global and guild)", async () => {
    const c = await login();
    const body = [
      {
        name: "quote",
        description: "Find a quote",
        options: [{ name: "speaker", description: "Who said it", type: 3, autocomplete: true }],
      },
      { name: "story", description: "Story tools", options: [{ name: "status", description: "Status", type: 1 }] },
    ];
    const first = await c.application!.commands.set(body);
    const second = await c.application!.commands.set(body);
    expect([...second.keys()]).toEqual([...first.keys()]);
    expect(discord.commands().map((cmd) => cmd.name)).toEqual(["quote", "story"]);
    expect((await c.application!.commands.fetch()).size).toBe(2);

    const guildId = discord.guilds[0]!.id;
    const route = Routes.applicationGuildCommands(discord.applicationId, guildId);
    const a = (await c.rest.put(route, { body })) as Array<{ id: string; version: string }>;
    const b = (await c.rest.put(route, { body })) as Array<{ id: string; version: string }>;
    expect(b).toEqual(a);
    expect(discord.commands(guildId)).toEqual(b);
    await expect(c.rest.put(route, { body: [{ name: "Bad Name", description: "x" }] })).rejects.toMatchObject({
      status: 400,
      code: 50035,
    });
  });

  it("answers 404 Unknown Channel / 403 Missing Permissions and 404 for unknown routes", async () => {
    const c = await login();
    const [general, news] = discord.guilds[0]!.channels;
    discord.deleteChannel(general!.id);
    discord.forbidChannel(news!.id);
    const deleted = await textChannel(c, general!.id).send("hi").catch((e: unknown) => e);
    expect(deleted).toBeInstanceOf(DiscordAPIError);
    expect(deleted).toMatchObject({ status: 404, code: 10003, message: "Unknown Channel" });
    await expect(textChannel(c, news!.id).send("hi")).rejects.toMatchObject({ status: 403, code: 50013 });
    await expect(c.channels.fetch(general!.id, { force: true })).rejects.toMatchObject({ code: 10003 });

    await expect(c.rest.get("/no/such/route")).rejects.toMatchObject({ status: 404 });
    expect(discord.requests.at(-1)).toMatchObject({ method: "GET", path: "/api/v10/no/such/route", status: 404 });
  });
});
