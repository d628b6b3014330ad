/**
 * A small fake of Discord (REST v10 + JSON gateway) that an unmodified discord.js 14 Client can log in to.
 *
 *   const discord = await startFakeDiscord();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], ...fakeClientOptions(discord) });
 *   await client.login(FAKE_TOKEN);
 *   const ix = await discord.sendCommand({ name: "quote", options: [{ name: "speaker", type: 3, value: "Peskov" }] });
 *   const message = await ix.waitForFinal();
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeGateway, type GatewayConnection, type RecordedFrame } from "./gateway.js";
import { buttonPressPayload, messageCommandPayload } from "./component-payloads.js";
import { FakeInteraction, interactionPayload, type CommandSpec } from "./interactions.js";
import { channelPayload, type FakeChannel, type FakeGuild, type FakeUser, type GuildSpec, type Payload, userPayload } from "./payloads.js";
import { buildRoutes, type Route } from "./rest-routes.js";
import { faultMatches, restHandler, type Fault, type RecordedRequest } from "./server.js";
import { snowflake } from "./snowflake.js";
import { Store } from "./store.js";
import { Changes, waitUntil } from "./wait.js";

export type { CommandSpec, InteractionEvent, InteractionOption } from "./interactions.js";
export type { FakeChannel, FakeGuild, FakeUser, GuildSpec, Payload } from "./payloads.js";
export type { Fault, RecordedRequest } from "./server.js";
export type { UploadedFile } from "./multipart.js";
export type { GatewayConnection, RecordedFrame } from "./gateway.js";
export { CallbackType, FakeInteraction } from "./interactions.js";
export { Op, shardOf } from "./gateway.js";

/** Any string works; the fake never checks it and redacts it from recordings. */
export const FAKE_TOKEN = "fake.bot.token";

export interface FakeDiscordOptions {
  /** Also the bot user's id. Default: a fresh snowflake. */
  applicationId?: string;
  botName?: string;
  /** Default: one guild "Fake Guild" with text channels #general and #news. */
  guilds?: GuildSpec[];
  /** HELLO heartbeat_interval. Default 41250 (discord.js's first beat is at a random fraction of it). */
  heartbeatIntervalMs?: number;
  /**
   * Shards GET /gateway/bot recommends (default 1). An IDENTIFY with fewer is closed with 4011
   * Sharding required, as Discord does past 2,500 guilds; guilds are split by (guild_id >> 22) % shards.
   */
  shards?: number;
  /** Callbacks later than this get 404 Unknown interaction (10062), like Discord's 3 s rule. Default 3000. */
  interactionTimeoutMs?: number;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Only consider log entries at or after this index (e.g. `discord.requests.length` taken before acting). */
  from?: number;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly interactions: FakeInteraction[] = [];
  private readonly faults: Fault[] = [];
  private readonly changes = new Changes();
  private readonly store: Store;
  private readonly gateway: FakeGateway;
  private readonly server: Server;
  private routes: Route[] = [];
  private readonly interactionTimeoutMs: number;
  private readonly shards: number;
  /** "http://127.0.0.1:PORT/api" — pass as `rest: { api: discord.restUrl }`. */
  restUrl = "";
  /** "ws://127.0.0.1:PORT" — what GET /gateway/bot returns. */
  gatewayUrl = "";

  private constructor(options: FakeDiscordOptions) {
    const applicationId = options.applicationId ?? snowflake();
    const bot: FakeUser = { id: applicationId, username: options.botName ?? "Storyline", bot: true };
    const tester: FakeUser = { id: snowflake(), username: "tester" };
    this.store = new Store(applicationId, bot, tester, options.guilds ?? [{ name: "Fake Guild" }], this.changes);
    this.interactionTimeoutMs = options.interactionTimeoutMs ?? 3000;
    this.shards = options.shards ?? 1;
    this.server = createServer(
      restHandler({ routes: () => this.routes, requests: this.requests, faults: this.faults, changes: this.changes }),
    );
    this.gateway = new FakeGateway(this.server, {
      store: this.store,
      changes: this.changes,
      url: () => this.gatewayUrl,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      shards: this.shards,
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve, reject) => {
      fake.server.once("error", reject);
      fake.server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = fake.server.address() as AddressInfo;
    fake.restUrl = `http://127.0.0.1:${port}/api`;
    fake.gatewayUrl = `ws://127.0.0.1:${port}`;
    fake.routes = buildRoutes({
      store: fake.store,
      gatewayUrl: fake.gatewayUrl,
      shards: fake.shards,
      interaction: ({ id, token }) =>
        fake.interactions.find((ix) => ix.token === token && (id === undefined || ix.id === id)),
    });
    return fake;
  }

  get applicationId(): string {
    return this.store.applicationId;
  }
  get bot(): FakeUser {
    return this.store.bot;
  }
  /** The human who runs commands by default. */
  get tester(): FakeUser {
    return this.store.tester;
  }
  get guilds(): FakeGuild[] {
    return this.store.guilds;
  }
  /** Every gateway frame, both directions, all connections. */
  get frames(): RecordedFrame[] {
    return this.gateway.frames;
  }
  get connections(): GatewayConnection[] {
    return this.gateway.connections;
  }

  /** Stored (non-ephemeral) messages of a channel, oldest first, including interaction replies. */
  messages(channelId: string): Payload[] {
    return this.store.messages.get(channelId) ?? [];
  }
  /** Registered application commands: global by default, or a guild's. */
  commands(guildId?: string): Payload[] {
    return this.store.getCommands(guildId ?? null);
  }

  /** Fails the next request(s) matching `fault` (method/path) with its status; 429s carry retry-after. */
  failNext(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** Closes the gateway socket with a close frame (4000 = resumable unknown error). */
  closeGateway(code = 4000, options: { invalidateSession?: boolean } = {}): void {
    this.gateway.close(code, "fake-discord closeGateway", options.invalidateSession);
  }
  /** Drops the gateway socket without a close frame (like a network cut). */
  dropGateway(options: { invalidateSession?: boolean } = {}): void {
    this.gateway.drop(options.invalidateSession);
  }
  /** Sends any dispatch (e.g. "CHANNEL_DELETE") on its guild's shard's session; returns its sequence number. */
  dispatch(t: string, d: unknown): number {
    return this.gateway.dispatch(t, d);
  }

  /** REST answers 404 Unknown Channel (10003) from now on; `dispatch` also sends CHANNEL_DELETE. */
  deleteChannel(channelId: string, options: { dispatch?: boolean } = {}): void {
    const channel = this.requireChannel(channelId);
    channel.state = "deleted";
    if (options.dispatch) this.dispatch("CHANNEL_DELETE", channelPayload(channel));
  }
  /** REST answers 403 Missing Permissions (50013) for this channel from now on. */
  forbidChannel(channelId: string): void {
    this.requireChannel(channelId).state = "forbidden";
  }
  restoreChannel(channelId: string): void {
    this.requireChannel(channelId).state = "ok";
  }

  /**
   * Dispatches a chat-input INTERACTION_CREATE and (unless `wait: false`) resolves once the bot sent its callback.
   * Inspect `ix.callback`, `ix.events`, or `await ix.waitForFinal()` for the message the user ends up seeing.
   */
  async sendCommand(spec: CommandSpec, options: { wait?: boolean; timeoutMs?: number } = {}): Promise<FakeInteraction> {
    const ix = this.createInteraction(2, spec);
    if (options.wait !== false) await ix.waitForCallback(options.timeoutMs);
    return ix;
  }

  /** Dispatches an autocomplete interaction (mark one option `focused: true`) and resolves with the choices. */
  async sendAutocomplete(spec: CommandSpec, options: { timeoutMs?: number } = {}): Promise<Array<{ name: string; value: string | number }>> {
    const callback = await this.createInteraction(4, spec).waitForCallback(options.timeoutMs);
    return (callback.data.choices ?? []) as Array<{ name: string; value: string | number }>;
  }

  /**
   * Presses a button (by custom_id) on a message, as `user` (default: the tester). Resolves once the bot
   * answered: for a page button, `ix.callback.type` is 7 and `discord.messages()` shows the edited message.
   */
  async pressButton(message: Payload, customId: string, options: { user?: FakeUser; wait?: boolean; timeoutMs?: number } = {}): Promise<FakeInteraction> {
    const { payload, channel } = buttonPressPayload(this.store, message, customId, options.user);
    const ix = this.track(payload, channel, message);
    if (options.wait !== false) await ix.waitForCallback(options.timeoutMs);
    return ix;
  }

  /** Runs a message context-menu command ("Apps → name") on a message. */
  async sendMessageCommand(name: string, message: Payload, options: { user?: FakeUser; timeoutMs?: number } = {}): Promise<FakeInteraction> {
    const { payload, channel } = messageCommandPayload(this.store, name, message, options.user);
    const ix = this.track(payload, channel);
    await ix.waitForCallback(options.timeoutMs);
    return ix;
  }

  /** A message a person (default: the tester) posts in a channel, e.g. a pasted quote. */
  postMessage(channelId: string, content: string, user?: FakeUser): Payload {
    const channel = this.requireChannel(channelId);
    return this.store.addMessage(channel, { content }, { author: userPayload(user ?? this.store.tester) });
  }

  waitForRequest(
    match: { method?: string; path?: string | RegExp } | ((r: RecordedRequest) => boolean),
    options: WaitOptions = {},
  ): Promise<RecordedRequest> {
    const test = typeof match === "function" ? match : (r: RecordedRequest) => faultMatches({ ...match, status: 0 }, r.method, r.path);
    return this.waitForEntry(this.requests, test, options, `a request ${String(typeof match === "function" ? "matching predicate" : JSON.stringify(match))}`);
  }

  waitForFrame(test: (f: RecordedFrame) => boolean, options: WaitOptions = {}): Promise<RecordedFrame> {
    return this.waitForEntry(this.frames, test, options, "a gateway frame matching predicate");
  }

  /** Resolves once `count` IDENTIFY frames (op 2) have been received in total. */
  waitForIdentify(count = 1, timeoutMs = 5000): Promise<void> {
    return this.waitForOp(2, count, timeoutMs, "IDENTIFY");
  }
  /** Resolves once `count` RESUME frames (op 6) have been received in total. */
  waitForResume(count = 1, timeoutMs = 5000): Promise<void> {
    return this.waitForOp(6, count, timeoutMs, "RESUME");
  }

  async close(): Promise<void> {
    this.faults.length = 0;
    await this.gateway.shutdown();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private createInteraction(type: 2 | 4, spec: CommandSpec): FakeInteraction {
    const { payload, channel } = interactionPayload(this.store, type, spec);
    return this.track(payload, channel);
  }

  private track(payload: Payload, channel: FakeChannel, source?: Payload): FakeInteraction {
    const ix = new FakeInteraction(payload, channel, this.store, this.changes, this.interactionTimeoutMs, source);
    this.interactions.push(ix);
    this.dispatch("INTERACTION_CREATE", payload);
    return ix;
  }

  private requireChannel(channelId: string) {
    const channel = this.store.channel(channelId);
    if (!channel) throw new Error(`fake-discord: unknown channel ${channelId}`);
    return channel;
  }

  private waitForEntry<T>(list: T[], test: (entry: T) => boolean, options: WaitOptions, what: string): Promise<T> {
    const from = options.from ?? 0;
    return waitUntil(this.changes, () => list.slice(from).find(test), options.timeoutMs ?? 5000, what);
  }

  private waitForOp(op: number, count: number, timeoutMs: number, name: string): Promise<void> {
    const seen = () => this.frames.filter((f) => f.direction === "in" && f.op === op).length >= count || undefined;
    return waitUntil(this.changes, seen, timeoutMs, `${count} ${name} frame(s)`).then(() => undefined);
  }
}

export const startFakeDiscord = (options?: FakeDiscordOptions): Promise<FakeDiscord> => FakeDiscord.start(options);

/**
 * The Client options every test must pass: REST pointed at the fake, and a no-op identify throttler
 * (otherwise discord.js waits ~5 s before a second IDENTIFY).
 */
export function fakeClientOptions(discord: FakeDiscord) {
  return {
    rest: { api: discord.restUrl },
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
  };
}
