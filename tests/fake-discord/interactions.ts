/** Interactions: the INTERACTION_CREATE payload we dispatch, and what the bot answers through callback/webhook routes. */
import {
  ALL_PERMISSIONS,
  applyEdit,
  channelPayload,
  fail,
  invalidForm,
  isEmptyMessage,
  memberPayload,
  noContent,
  userPayload,
  type FakeChannel,
  type FakeUser,
  type Payload,
  type Reply,
} from "./payloads.js";
import { snowflake } from "./snowflake.js";
import type { Store } from "./store.js";
import { waitUntil, type Changes } from "./wait.js";

export interface InteractionOption {
  name: string;
  /** 1 subcommand, 2 group, 3 string, 4 integer, 5 boolean, 6 user, 7 channel, 8 role, 10 number... */
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: InteractionOption[];
}

export interface CommandSpec {
  name: string;
  options?: InteractionOption[];
  /** Defaults: first guild, its first text channel, the fake "tester" user. */
  guildId?: string;
  channelId?: string;
  user?: FakeUser;
  /** The member's permission bits (default: all). */
  permissions?: string;
  locale?: string;
  /** Overrides the `resolved` block built from user/channel/role options. */
  resolved?: Payload;
}

export type InteractionEvent =
  | { kind: "callback"; type: number; data: Payload; at: number }
  | { kind: "edit" | "followup"; messageId: string; data: Payload; at: number }
  | { kind: "delete"; messageId: string; at: number };

export const CallbackType = { Reply: 4, DeferReply: 5, DeferUpdate: 6, Update: 7, Autocomplete: 8, Modal: 9 } as const;
const LOADING_FLAG = 128;

/** One dispatched interaction and everything the bot did with it. */
export class FakeInteraction {
  readonly events: InteractionEvent[] = [];
  /** The message users see for this interaction (reply, deferred "thinking" message, later edits). */
  original: Payload | null = null;
  readonly followups: Payload[] = [];
  readonly createdAt = Date.now();

  constructor(
    readonly payload: Payload,
    private readonly channel: FakeChannel,
    private readonly store: Store,
    private readonly changes: Changes,
    private readonly expiresAfterMs: number,
    /** For a button press: the message the button is on, which an UPDATE_MESSAGE (7) edits in place. */
    private readonly source?: Payload,
  ) {}

  get id(): string {
    return String(this.payload.id);
  }
  get token(): string {
    return String(this.payload.token);
  }
  /** The initial response (callback), once the bot sent one. */
  get callback(): Extract<InteractionEvent, { kind: "callback" }> | undefined {
    return this.events.find((e) => e.kind === "callback");
  }
  get loading(): boolean {
    return this.original !== null && (Number(this.original.flags ?? 0) & LOADING_FLAG) !== 0;
  }

  waitForCallback(timeoutMs = 5000): Promise<Extract<InteractionEvent, { kind: "callback" }>> {
    return waitUntil(this.changes, () => this.callback, timeoutMs, `a callback for interaction ${this.describe()}`);
  }

  /** The final visible message: the reply, or for a deferred reply the edit/followup that replaced "thinking...". */
  waitForFinal(timeoutMs = 5000): Promise<Payload> {
    const done = () => (this.original && !this.loading ? this.original : undefined);
    return waitUntil(this.changes, done, timeoutMs, `the final message of interaction ${this.describe()}`);
  }

  private describe(): string {
    const data = this.payload.data as Payload;
    return `"${String(data.name)}" (events so far: ${JSON.stringify(this.events.map((e) => e.kind))})`;
  }

  private record(event: InteractionEvent): void {
    this.events.push(event);
    this.changes.notify();
  }

  private createMessage(body: Payload): Payload {
    return this.store.addMessage(this.channel, body, {
      type: 20,
      webhook_id: this.store.applicationId,
      application_id: this.store.applicationId,
      interaction_metadata: {
        id: this.id,
        type: this.payload.type,
        user: (this.payload.member as Payload).user,
        authorizing_integration_owners: this.payload.authorizing_integration_owners,
        name: (this.payload.data as Payload).name,
      },
    });
  }

  /** POST /interactions/:id/:token/callback */
  handleCallback(body: Payload, withResponse: boolean): Reply {
    if (this.callback) return fail(400, 40060, "Interaction has already been acknowledged.");
    if (Date.now() - this.createdAt > this.expiresAfterMs) return fail(404, 10062, "Unknown interaction");
    const type = Number(body.type);
    const data = (body.data ?? {}) as Payload;
    const allowed = this.payload.type === 4 ? [8] : this.payload.type === 3 ? [4, 5, 6, 7, 9] : [4, 5, 9];
    if (!allowed.includes(type)) return invalidForm([["type", `Callback type ${type} is not valid here`]]);
    if ((type === 4 || type === 7) && isEmptyMessage(data)) return fail(400, 50006, "Cannot send an empty message");
    if (type === 8 && (!Array.isArray(data.choices) || data.choices.length > 25)) {
      return invalidForm([["data.choices", "Must be an array of 25 or fewer choices."]]);
    }
    if (type === 4) this.original = this.createMessage(data);
    // UPDATE_MESSAGE edits the message the button is on; DEFERRED_UPDATE_MESSAGE makes it the one later edits change.
    if (type === 7 && this.source) this.original = applyEdit(this.source, { ...data, attachments: data.attachments ?? this.source.attachments });
    if (type === 6 && this.source) this.original = this.source;
    if (type === 5) this.original = this.createMessage({ content: "", flags: LOADING_FLAG | Number(data.flags ?? 0) });
    this.record({ kind: "callback", type, data, at: Date.now() });
    if (!withResponse) return noContent;
    const interaction = {
      id: this.id,
      type: this.payload.type,
      response_message_id: this.original?.id,
      response_message_loading: this.loading,
      response_message_ephemeral: (Number(this.original?.flags ?? 0) & 64) !== 0,
    };
    return { status: 200, body: { interaction, resource: { type, ...(this.original ? { message: this.original } : {}) } } };
  }

  private message(messageId: string): Payload | undefined {
    if (messageId === "@original") return this.original ?? undefined;
    return this.followups.find((m) => m.id === messageId);
  }

  /** Routes under /webhooks/:appId/:token (followups and @original edits). */
  handleWebhook(method: string, messageId: string | undefined, body: Payload): Reply {
    if (messageId === undefined) {
      if (method !== "POST") return fail(405, 0, "405: Method Not Allowed");
      if (!this.callback) return fail(404, 10015, "Unknown Webhook");
      if (isEmptyMessage(body)) return fail(400, 50006, "Cannot send an empty message");
      // After a deferred reply, the first followup replaces the "thinking..." message.
      const message = this.loading && this.original ? finishLoading(this.original, body) : this.createMessage(body);
      if (message !== this.original) this.followups.push(message);
      this.record({ kind: "followup", messageId: String(message.id), data: body, at: Date.now() });
      return { status: 200, body: message };
    }
    const message = this.message(messageId);
    if (!message) return fail(404, 10008, "Unknown Message");
    if (method === "GET") return { status: 200, body: message };
    if (method === "PATCH") {
      finishLoading(message, body);
      this.record({ kind: "edit", messageId, data: body, at: Date.now() });
      return { status: 200, body: message };
    }
    if (method === "DELETE") {
      this.store.deleteMessage(this.channel.id, String(message.id));
      if (message === this.original) this.original = null;
      this.record({ kind: "delete", messageId, at: Date.now() });
      return noContent;
    }
    return fail(405, 0, "405: Method Not Allowed");
  }
}

/** Edits a message and clears the "thinking..." flag (an ephemeral deferral stays ephemeral). */
function finishLoading(message: Payload, body: Payload): Payload {
  const kept = Number(message.flags ?? 0) & ~LOADING_FLAG;
  return applyEdit(message, { ...body, flags: kept | (Number(body.flags ?? 0) & ~LOADING_FLAG) });
}

/** Builds the INTERACTION_CREATE `d` for a chat-input command (type 2) or autocomplete (type 4). */
export function interactionPayload(store: Store, type: 2 | 4, spec: CommandSpec): { payload: Payload; channel: FakeChannel } {
  const guild = spec.guildId ? store.guild(spec.guildId) : store.guilds[0];
  if (!guild) throw new Error(`fake-discord: unknown guild ${spec.guildId ?? "(none configured)"}`);
  const channel = spec.channelId ? store.channel(spec.channelId) : guild.channels.find((c) => c.type === 0);
  if (!channel) throw new Error(`fake-discord: unknown channel ${spec.channelId ?? "(no text channel)"}`);
  const user = spec.user ?? store.tester;
  const registered = store.getCommands(guild.id).concat(store.getCommands(null)).find((c) => c.name === spec.name);
  const options = spec.options ?? [];
  const resolved = spec.resolved ?? resolveOptions(store, options, guild.id);
  return {
    channel,
    payload: {
      id: snowflake(),
      application_id: store.applicationId,
      type,
      token: `fake-token-${snowflake()}`,
      version: 1,
      guild_id: guild.id,
      guild: { id: guild.id, locale: "en-US", features: [] },
      guild_locale: "en-US",
      channel_id: channel.id,
      channel: { ...channelPayload(channel), permissions: ALL_PERMISSIONS },
      member: memberPayload(user, { permissions: spec.permissions ?? ALL_PERMISSIONS }),
      app_permissions: ALL_PERMISSIONS,
      locale: spec.locale ?? "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": guild.id },
      context: 0,
      attachment_size_limit: 10 * 1024 * 1024,
      data: {
        id: registered?.id ?? snowflake(),
        name: spec.name,
        type: 1,
        guild_id: registered?.guild_id,
        options,
        ...(resolved ? { resolved } : {}),
      },
    },
  };
}

/** The `resolved` block Discord adds for user (6), channel (7), role (8) and mentionable (9) options. */
function resolveOptions(store: Store, options: InteractionOption[], guildId: string): Payload | undefined {
  const users: Payload = {};
  const members: Payload = {};
  const channels: Payload = {};
  const roles: Payload = {};
  const visit = (list: InteractionOption[]) => {
    for (const o of list) {
      if (o.options) visit(o.options);
      const id = String(o.value);
      const user = store.guild(guildId)?.members.find((m) => m.id === id);
      const channel = store.channel(id);
      if ((o.type === 6 || o.type === 9) && user) {
        users[id] = userPayload(user);
        const { user: _omit, ...member } = memberPayload(user, { permissions: ALL_PERMISSIONS });
        members[id] = member;
      } else if (o.type === 7 && channel) {
        channels[id] = { id, name: channel.name, type: channel.type, permissions: ALL_PERMISSIONS };
      } else if (o.type === 8 || o.type === 9) {
        roles[id] = { id, name: "role", color: 0, hoist: false, position: 1, permissions: "0", managed: false, mentionable: true, flags: 0 };
      }
    }
  };
  visit(options);
  const block = Object.fromEntries(
    Object.entries({ users, members, channels, roles }).filter(([, v]) => Object.keys(v).length > 0),
  );
  return Object.keys(block).length > 0 ? block : undefined;
}
