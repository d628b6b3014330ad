/** In-memory Discord state: guilds, channels, messages (with nonce dedupe) and application commands. */
import {
  fail,
  invalidForm,
  isEmptyMessage,
  makeGuild,
  messagePayload,
  type FakeChannel,
  type FakeGuild,
  type FakeUser,
  type GuildSpec,
  type Payload,
  type Reply,
} from "./payloads.js";
import { snowflake } from "./snowflake.js";
import type { Changes } from "./wait.js";

/** Discord remembers an enforced nonce for "the past few minutes". */
const NONCE_WINDOW_MS = 5 * 60_000;
const NAME = /^[-_'\p{L}\p{N}]{1,32}$/u;

export class Store {
  readonly guilds: FakeGuild[];
  /** Non-ephemeral messages per channel id, oldest first (channel sends and interaction replies). */
  readonly messages = new Map<string, Payload[]>();
  private readonly nonces = new Map<string, { message: Payload; at: number }>();
  /** Application commands: key "global" or a guild id. */
  private readonly commands = new Map<string, Payload[]>();
  /** The JSON each command id was last PUT with, to keep `version` stable across identical overwrites. */
  private readonly commandInputs = new Map<unknown, string>();

  constructor(
    readonly applicationId: string,
    readonly bot: FakeUser,
    readonly tester: FakeUser,
    guilds: GuildSpec[],
    private readonly changes: Changes,
  ) {
    this.guilds = guilds.map((g) => makeGuild(g, bot, tester));
  }

  guild(id: string): FakeGuild | undefined {
    return this.guilds.find((g) => g.id === id);
  }

  channel(id: string): FakeChannel | undefined {
    for (const g of this.guilds) for (const c of g.channels) if (c.id === id) return c;
    return undefined;
  }

  /** The channel, or Discord's error reply for an unknown/deleted (404) or forbidden (403) channel. */
  accessChannel(id: string): FakeChannel | Reply {
    const c = this.channel(id);
    if (!c || c.state === "deleted") return fail(404, 10003, "Unknown Channel");
    if (c.state === "forbidden") return fail(403, 50013, "Missing Permissions");
    return c;
  }

  /** Stores a message (unless ephemeral) and returns it. `extra` overrides payload fields (type, webhook_id...). */
  addMessage(channel: FakeChannel, body: Payload, extra: Payload = {}): Payload {
    const message = messagePayload({ channelId: channel.id, guildId: channel.guildId, author: this.bot, body, extra });
    const ephemeral = (Number(message.flags ?? 0) & 64) !== 0;
    if (!ephemeral) {
      const list = this.messages.get(channel.id) ?? [];
      list.push(message);
      this.messages.set(channel.id, list);
    }
    this.changes.notify();
    return message;
  }

  /** POST /channels/:id/messages, honouring `nonce` + `enforce_nonce` like Discord does. */
  createChannelMessage(channelId: string, body: Payload): Reply {
    const channel = this.accessChannel(channelId);
    if ("status" in channel) return channel;
    if (isEmptyMessage(body)) return fail(400, 50006, "Cannot send an empty message");
    if (typeof body.content === "string" && body.content.length > 2000) {
      return invalidForm([["content", "Must be 2000 or fewer in length."]]);
    }
    const key = body.enforce_nonce === true && body.nonce != null ? `${channelId}:${String(body.nonce)}` : null;
    const seen = key ? this.nonces.get(key) : undefined;
    if (seen && Date.now() - seen.at < NONCE_WINDOW_MS) return { status: 200, body: seen.message };
    const message = this.addMessage(channel, body);
    if (key) this.nonces.set(key, { message, at: Date.now() });
    return { status: 200, body: message };
  }

  findMessage(channelId: string, messageId: string): Payload | undefined {
    return this.messages.get(channelId)?.find((m) => m.id === messageId);
  }

  deleteMessage(channelId: string, messageId: string): boolean {
    const list = this.messages.get(channelId) ?? [];
    const index = list.findIndex((m) => m.id === messageId);
    if (index >= 0) list.splice(index, 1);
    this.changes.notify();
    return index >= 0;
  }

  getCommands(guildId: string | null): Payload[] {
    return this.commands.get(guildId ?? "global") ?? [];
  }

  /** Bulk overwrite: same name+type keeps its id (and version when unchanged); missing ones are deleted. */
  putCommands(guildId: string | null, body: unknown): Reply {
    if (!Array.isArray(body)) return invalidForm([["_", "Must be an array."]]);
    const problems = validateCommands(body as Payload[]);
    if (problems.length) return invalidForm(problems);
    const previous = this.getCommands(guildId);
    const next = (body as Payload[]).map((input) => {
      const type = input.type ?? 1;
      const old = previous.find((c) => c.name === input.name && c.type === type);
      const same = old !== undefined && this.commandInputs.get(old.id) === JSON.stringify(input);
      return {
        description: "",
        options: [],
        default_member_permissions: null,
        nsfw: false,
        ...input,
        type,
        id: old?.id ?? snowflake(),
        application_id: this.applicationId,
        version: same ? old?.version : snowflake(),
        ...(guildId ? { guild_id: guildId } : {}),
      } as Payload;
    });
    next.forEach((c, i) => this.commandInputs.set(c.id, JSON.stringify((body as Payload[])[i])));
    this.commands.set(guildId ?? "global", next);
    this.changes.notify();
    return { status: 200, body: next };
  }
}

/** The checks Discord applies most often: names, descriptions, counts, duplicates. */
function validateCommands(commands: Payload[]): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const seen = new Set<string>();
  commands.forEach((c, i) => {
    const key = `${String(c.type ?? 1)}:${String(c.name)}`;
    if (seen.has(key)) problems.push([`${i}.name`, "Application command names must be unique"]);
    seen.add(key);
    // Context-menu commands (types 2, 3) have a display name (spaces, capitals) and no description.
    if ((c.type ?? 1) === 1) validateNamed(c, `${i}`, true, problems);
    else if (typeof c.name !== "string" || c.name.length < 1 || c.name.length > 32) problems.push([`${i}.name`, "Must be between 1 and 32 in length."]);
  });
  return problems;
}

function validateNamed(item: Payload, path: string, needsDescription: boolean, problems: Array<[string, string]>): void {
  const name = typeof item.name === "string" ? item.name : "";
  if (!NAME.test(name) || name !== name.toLowerCase()) problems.push([`${path}.name`, `Invalid name "${name}"`]);
  const description = typeof item.description === "string" ? item.description : "";
  if (needsDescription && (description.length < 1 || description.length > 100)) {
    problems.push([`${path}.description`, "Must be between 1 and 100 in length."]);
  }
  const options = Array.isArray(item.options) ? (item.options as Payload[]) : [];
  if (options.length > 25) problems.push([`${path}.options`, "Must be 25 or fewer in length."]);
  if (Array.isArray(item.choices) && item.choices.length > 25) {
    problems.push([`${path}.choices`, "Must be 25 or fewer in length."]);
  }
  options.forEach((o, j) => validateNamed(o, `${path}.options.${j}`, true, problems));
}
