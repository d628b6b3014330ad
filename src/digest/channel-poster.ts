import type { ReplyPayload } from "../command-kit/command.js";

/** Posts a message to a channel; the Discord adapter implements it, tests fake it. */
export interface ChannelPoster {
  /** Resolves with the message id once Discord accepted it. Same nonce, same message: Discord dedupes. */
  post(channelId: string, payload: ReplyPayload, nonce: string): Promise<{ id: string }>;
}

/** The channel is gone or the bot may no longer post there: retrying will not help until someone acts. */
export class ChannelUnusableError extends Error {
  override name = "ChannelUnusableError";
}
