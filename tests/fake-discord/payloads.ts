/** Builders for the raw JSON objects Discord sends (just enough fields for discord.js to cache them). */
import { snowflake } from "./snowflake.js";

export type Payload = Record<string, unknown>;

/** Permission bits used as "everything" for the bot and test users (ADMINISTRATOR plus the usual ones). */
export const ALL_PERMISSIONS = "2251799813685247";

export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

export interface FakeChannel {
  id: string;
  guildId: string;
  name: string;
  type: number;
  /** "deleted" -> 404 Unknown Channel, "forbidden" -> 403 Missing Permissions on every channel route. */
  state: "ok" | "deleted" | "forbidden";
  /** Discord permission overwrites, as sent in the channel object. */
  overwrites: Payload[];
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  channels: FakeChannel[];
  members: FakeUser[];
}

export interface GuildSpec {
  id?: string;
  name?: string;
  /** Defaults to two text channels, "general" and "news". */
  channels?: Array<{ id?: string; name: string; type?: number; /** Permission bits denied to the bot here. */ denyBot?: string }>;
}

export function makeGuild(spec: GuildSpec, bot: FakeUser, tester: FakeUser): FakeGuild {
  const id = spec.id ?? snowflake();
  const channels = (spec.channels ?? [{ name: "general" }, { name: "news" }]).map(
    (c): FakeChannel => ({
      id: c.id ?? snowflake(),
      guildId: id,
      name: c.name,
      type: c.type ?? 0,
      state: "ok",
      overwrites: c.denyBot ? [{ id: bot.id, type: 1, allow: "0", deny: c.denyBot }] : [],
    }),
  );
  return { id, name: spec.name ?? "Fake Guild", ownerId: tester.id, channels, members: [bot, tester] };
}

export function userPayload(u: FakeUser): Payload {
  return {
    id: u.id,
    username: u.username,
    discriminator: "0",
    global_name: null,
    avatar: null,
    bot: u.bot ?? false,
    flags: 0,
    public_flags: 0,
  };
}

export function memberPayload(u: FakeUser, extra: Payload = {}): Payload {
  return {
    user: userPayload(u),
    nick: null,
    avatar: null,
    roles: [],
    joined_at: new Date(0).toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
    communication_disabled_until: null,
    ...extra,
  };
}

export function channelPayload(c: FakeChannel, index = 0): Payload {
  return {
    id: c.id,
    type: c.type,
    guild_id: c.guildId,
    name: c.name,
    position: index,
    parent_id: null,
    permission_overwrites: c.overwrites,
    nsfw: false,
    topic: null,
    rate_limit_per_user: 0,
    last_message_id: null,
    flags: 0,
  };
}

export function everyoneRole(guildId: string): Payload {
  return {
    id: guildId,
    name: "@everyone",
    color: 0,
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: "1071698660929",
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export function guildPayload(g: FakeGuild): Payload {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: g.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [everyoneRole(g.id)],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: "en-US",
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    application_id: null,
  };
}

/** The GUILD_CREATE dispatch body: guild object plus the gateway-only extras. */
export function guildCreatePayload(g: FakeGuild): Payload {
  return {
    ...guildPayload(g),
    unavailable: false,
    large: false,
    joined_at: new Date(0).toISOString(),
    member_count: g.members.length,
    members: g.members.map((m) => memberPayload(m)),
    channels: g.channels.filter((c) => c.state !== "deleted").map((c, i) => channelPayload(c, i)),
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function messagePayload(fields: {
  channelId: string;
  guildId?: string;
  author: FakeUser;
  body: Payload;
  extra?: Payload;
}): Payload {
  const { body } = fields;
  return {
    id: snowflake(),
    type: 0,
    channel_id: fields.channelId,
    ...(fields.guildId ? { guild_id: fields.guildId } : {}),
    author: userPayload(fields.author),
    content: body.content ?? "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts ?? false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: attachmentsOf(body),
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    pinned: false,
    flags: body.flags ?? 0,
    ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
    ...fields.extra,
  };
}

/** The attachments a message body declares (discord.js lists each uploaded file there with its filename). */
export function attachmentsOf(body: Payload): Payload[] {
  if (!Array.isArray(body.attachments)) return [];
  return (body.attachments as Payload[]).map((a) => {
    const id = snowflake();
    const filename = String(a.filename ?? "file");
    return { id, filename, ...(a.description ? { description: a.description } : {}), url: `https://cdn.fake-discord.invalid/attachments/${id}/${filename}` };
  });
}

/** Fields a message edit may change (anything else in the PATCH body is ignored). */
const EDITABLE = ["content", "embeds", "components", "flags", "attachments"] as const;

export function applyEdit(message: Payload, body: Payload): Payload {
  for (const key of EDITABLE) if (key in body) message[key] = body[key] ?? null;
  message.edited_timestamp = new Date().toISOString();
  return message;
}

/** Discord's 50006: a message needs content, embeds, components, stickers, a poll or files. */
export function isEmptyMessage(body: Payload): boolean {
  const nonEmpty = (v: unknown) => (Array.isArray(v) ? v.length > 0 : typeof v === "string" ? v.length > 0 : v != null);
  return !["content", "embeds", "components", "sticker_ids", "attachments", "poll"].some((k) => nonEmpty(body[k]));
}

/** What a REST handler answers: status, JSON body (omitted for 204) and extra headers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const noContent: Reply = { status: 204 };

/** Discord's JSON error body, e.g. fail(404, 10003, "Unknown Channel"). */
export function fail(status: number, code: number, message: string, errors?: Payload): Reply {
  return { status, body: { message, code, ...(errors ? { errors } : {}) } };
}

/** 400 Invalid Form Body with `errors` keyed by field path ("0.options.1.name"), as discord.js flattens them. */
export function invalidForm(problems: Array<[path: string, message: string]>): Reply {
  const errors: Payload = {};
  for (const [path, message] of problems) errors[path] = { _errors: [{ code: "BASE_TYPE_INVALID", message }] };
  return fail(400, 50035, "Invalid Form Body", errors);
}
