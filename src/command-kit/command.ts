import {
  type APIActionRowComponent,
  type APIApplicationCommandOption,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  ApplicationCommandOptionType,
  type ApplicationCommandType,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
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

/** Discord's own shapes, from discord-api-types, so the payload Storyline builds is the one Discord documents. */
export type EmbedField = APIEmbedField;
export type Embed = APIEmbed;

/** A file sent with the message (Discord allows 8 MB for a bot without a boosted server). */
export interface PayloadFile {
  name: string;
  data: Buffer;
  description?: string;
}

/** Storyline's buttons carry a custom_id (the paging state); link and premium buttons are never used. */
export type Button = APIButtonComponentWithCustomId;
export type ActionRow = APIActionRowComponent<Button>;

export const EPHEMERAL = MessageFlags.Ephemeral;

/** A Discord message payload, as sent in an interaction reply or channel message. */
export interface ReplyPayload {
  content?: string;
  embeds: Embed[];
  allowedMentions: { parse: [] };
  /** EPHEMERAL to show the reply only to the person who asked. */
  flags?: MessageFlags.Ephemeral;
  /** Files the embeds refer to as attachment://name. */
  files?: PayloadFile[];
  /** Buttons, e.g. Newer/Older on a paged answer. */
  components?: ActionRow[];
}

export type Choice = APIApplicationCommandOptionChoice<string>;

export { ApplicationCommandOptionType as OptionType };

export type OptionDefinition = APIApplicationCommandOption;

/**
 * A command as registered with Discord (PUT /applications/:id/commands): chat input (the
 * default), or a message context-menu command, whose name may hold spaces and whose
 * description is empty. One shape for both, so adapters read options without narrowing.
 */
export type CommandDefinition = Omit<RESTPostAPIChatInputApplicationCommandsJSONBody, "type"> & {
  type?: ApplicationCommandType.ChatInput | ApplicationCommandType.Message;
};

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
