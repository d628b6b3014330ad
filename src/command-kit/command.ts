import {
  type APIApplicationCommandOption,
  type APIApplicationCommandOptionChoice,
  ApplicationCommandOptionType,
  type ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { Catalog } from "../core/story.js";
import type { ReplyPayload } from "../message/payload.js";
import type { Layout } from "../render/timeline-layout.js";

export type { ActionRow, Button, Embed, EmbedField, PayloadFile, ReplyPayload } from "../message/payload.js";

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

/**
 * `Services` are what a command needs beyond the story and the clock, declared by the
 * command itself (e.g. /digest's port to the digest service); the composition root
 * provides them, and an adapter without them (the console) simply passes none.
 */
export interface Command<Services extends object = object> {
  definition: CommandDefinition;
  run(options: Options, deps: CommandDeps & Services): ReplyPayload | Promise<ReplyPayload>;
  /** Choices for the option being typed, at most 25; must answer fast and never throw. */
  autocomplete?(option: string, typed: string, deps: CommandDeps & Services): Choice[];
  /** Set when run may take over ~2 s, so adapters defer the reply first. */
  slow?: boolean;
}

export function stringOption(options: Options, name: string): string | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
}
