import { type Client, PermissionFlagsBits } from "discord.js";
import type { ChannelCheck } from "../command-kit/command.js";

const NEEDED = [
  [PermissionFlagsBits.ViewChannel, "View Channel"],
  [PermissionFlagsBits.SendMessages, "Send Messages"],
  [PermissionFlagsBits.EmbedLinks, "Embed Links"],
] as const;

/**
 * Whether a server's digests may go to a channel: it must be one of that server's own (a
 * channel id from elsewhere would let one server post into another), and the bot must be
 * allowed to post there, from the guild, roles and overwrites Discord sent it. One cache
 * holds every shard's guilds, so this works the same on any shard.
 */
export function checkChannel(client: Client, channelId: string, guildId: string): ChannelCheck {
  const channel = client.channels.cache.get(channelId);
  if (!channel || channel.isDMBased()) return { ok: false, problem: "I can't see that channel." };
  if (channel.guildId !== guildId) return { ok: false, problem: "it is not in this server. Pick one of this server's channels." };
  if (!channel.isTextBased() || !("permissionsFor" in channel)) return { ok: false, problem: "it is not a text channel." };
  const permissions = client.user ? channel.permissionsFor(client.user) : null;
  const missing = NEEDED.filter(([bit]) => !permissions?.has(bit)).map(([, name]) => name);
  if (missing.length > 0) return { ok: false, problem: `I am missing ${missing.join(", ")} there. Grant them to my role in that channel, then try again.` };
  return { ok: true };
}
