import { DiscordAPIError, RESTJSONErrorCodes } from "discord.js";
import type { ReplyPayload } from "../command-kit/command.js";
import type { Logger } from "../logger.js";
import { NO_MENTIONS } from "../message/payload.js";

/** Shared by the command and button handlers: one way to turn a payload into a message and to race the 3 s rule. */


/** Resolves with the payload; if it is not ready in time, defers first so Discord does not give up. */
export async function raceWithDeferral(running: Promise<ReplyPayload>, budgetMs: number, defer: () => Promise<void>): Promise<ReplyPayload> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), budgetMs)));
  try {
    const first = await Promise.race([running, late]);
    if (first !== "late") return first;
    await defer();
    return await running;
  } finally {
    clearTimeout(timer);
  }
}

/** The message discord.js sends for a payload: embeds, buttons and files, never a ping. */
export function toMessage(payload: ReplyPayload) {
  return {
    embeds: payload.embeds,
    allowedMentions: NO_MENTIONS,
    ...(payload.content ? { content: payload.content } : {}),
    ...(payload.components ? { components: payload.components } : {}),
    ...(payload.files ? { files: payload.files.map((f) => ({ attachment: f.data, name: f.name, ...(f.description ? { description: f.description } : {}) })) } : {}),
  };
}

export function logSendFailure(log: Logger, interactionId: string, error: unknown): void {
  // An interaction that expired (the user waited too long, or we did) cannot be answered; that is not a bug.
  if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction) {
    log.warn({ interaction: interactionId }, "Interaction expired before it was answered");
    return;
  }
  log.error({ err: error, interaction: interactionId }, "Could not send the reply");
}
