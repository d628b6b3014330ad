import type { Catalog } from "../core/story.js";
import type { DigestService } from "../digest/digest-service.js";
import type { Layout } from "../render/timeline-layout.js";

/**
 * The shape every slash command follows: a definition Discord registers and a pure
 * `run` that turns options into a message payload. Adapters (Discord, console) only
 * translate in and out of this.
 */

export type OptionValue = string | number | boolean;
export type Options = Readonly<Record<string, OptionValue | undefined>>;

export interface CommandDeps {
  /** The current story data; a getter because the data can be reloaded while the bot runs. */
  catalog(): Catalog;
  now(): Date;
  /** Who runs the command, and where; absent in the console. */
  invoker?: Invoker;
  /** Digest subscriptions; absent where they are not set up (the console). */
  digests?: DigestDeps;
  /** Which page of a long answer to show (from 1) and when the answer was first given; set by a Newer/Older press or the console's --page. */
  paging?: { page: number; created: Date };
  /** Draws a picture's layout as PNG bytes (tests replace it); failing, commands answer with text alone. */
  renderPng?: (layout: Layout) => Buffer;
}

export interface Invoker {
  userId: string;
  guildId?: string;
  channelId?: string;
  /** The member's permissions in the channel, as Discord's bitfield. */
  permissions?: bigint;
}

export type ChannelCheck = { ok: true } | { ok: false; problem: string };

export interface DigestDeps {
  service: DigestService;
  /** Whether a channel is in the invoking server and the bot may view, send and embed there, from what Discord told it. */
  checkChannel(channelId: string, guildId: string): ChannelCheck;
}

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

/** The subset of Discord's embed object Storyline uses. */
export interface Embed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  fields?: EmbedField[];
  footer?: { text: string };
  /** e.g. { url: "attachment://timeline.png" } for a file sent with the message. */
  image?: { url: string };
}

/** A file sent with the message (Discord allows 8 MB for a bot without a boosted server). */
export interface PayloadFile {
  name: string;
  data: Buffer;
  description?: string;
}

/** A message button (component type 2); Storyline uses secondary-style buttons with a custom_id. */
export interface Button {
  type: 2;
  style: 2;
  label: string;
  custom_id: string;
  disabled?: boolean;
}

export interface ActionRow {
  type: 1;
  components: Button[];
}

export const EPHEMERAL = 1 << 6;

/** A Discord message payload, as sent in an interaction reply or channel message. */
export interface ReplyPayload {
  content?: string;
  embeds: Embed[];
  allowedMentions: { parse: [] };
  /** EPHEMERAL to show the reply only to the person who asked. */
  flags?: number;
  /** Files the embeds refer to as attachment://name. */
  files?: PayloadFile[];
  /** Buttons, e.g. Newer/Older on a paged answer. */
  components?: ActionRow[];
}

export interface Choice {
  name: string;
  value: string;
}

/** Discord's application command option types that Storyline uses. */
export const OptionType = { Subcommand: 1, String: 3, Integer: 4, Boolean: 5, Channel: 7 } as const;

export interface OptionDefinition {
  type: (typeof OptionType)[keyof typeof OptionType];
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: Choice[];
  min_length?: number;
  max_length?: number;
  channel_types?: number[];
  options?: OptionDefinition[];
}

/** A chat-input command as registered with Discord (PUT /applications/:id/commands). */
export interface CommandDefinition {
  /** 1 chat input (the default), 3 a message context-menu command (name may hold spaces, description empty). */
  type?: 1 | 3;
  name: string;
  description: string;
  options?: OptionDefinition[];
  default_member_permissions?: string | null;
  contexts?: number[];
}

export interface Command {
  definition: CommandDefinition;
  run(options: Options, deps: CommandDeps): ReplyPayload | Promise<ReplyPayload>;
  /** Choices for the option being typed, at most 25; must answer fast and never throw. */
  autocomplete?(option: string, typed: string, deps: CommandDeps): Choice[];
  /** Set when run may take over ~2 s, so adapters defer the reply first. */
  slow?: boolean;
}

export function stringOption(options: Options, name: string): string | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
}
