import { type Client, DiscordAPIError, RESTJSONErrorCodes, Routes } from "discord.js";
import { type ChannelPoster, ChannelUnusableError } from "../digest/channel-poster.js";

const UNUSABLE = new Map<number, string>([
  [RESTJSONErrorCodes.UnknownChannel, "the channel was deleted"],
  [RESTJSONErrorCodes.MissingAccess, "the bot can no longer see the channel"],
  [RESTJSONErrorCodes.MissingPermissions, "the bot may no longer post or embed in the channel"],
]);

/**
 * Posts digest messages through discord.js's REST client, which waits out 429s. The nonce
 * is enforced, so Discord returns the first message for a repeated nonce instead of a copy.
 */
export function discordChannelPoster(client: Client): ChannelPoster {
  return {
    async post(channelId, payload, nonce) {
      const body = {
        ...(payload.content ? { content: payload.content } : {}),
        embeds: payload.embeds,
        allowed_mentions: { parse: [] },
        nonce,
        enforce_nonce: true,
      };
      try {
        return (await client.rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
      } catch (error) {
        const reason = error instanceof DiscordAPIError && typeof error.code === "number" ? UNUSABLE.get(error.code) : undefined;
        if (reason) throw new ChannelUnusableError(`Cannot post in <#${channelId}>: ${reason}.`);
        throw error;
      }
    },
  };
}
