import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed, APIEmbedField } from "discord-api-types/v10";

/**
 * The message a command or a digest produces, as plain data: adapters (Discord, console)
 * send or print it. A leaf: it imports nothing of Storyline's.
 */

/** No message ever pings anyone, whatever the story text or a user typed. */
export const NO_MENTIONS: { parse: [] } = { parse: [] };

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

/** A Discord message payload, as sent in an interaction reply or channel message. */
export interface ReplyPayload {
  content?: string;
  embeds: Embed[];
  allowedMentions: typeof NO_MENTIONS;
  /** Shown only to the person who asked; adapters turn it into Discord's ephemeral flag. */
  ephemeral?: boolean;
  /** Files the embeds refer to as attachment://name. */
  files?: PayloadFile[];
  /** Buttons, e.g. Newer/Older on a paged answer. */
  components?: ActionRow[];
}

