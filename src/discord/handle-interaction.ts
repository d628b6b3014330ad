import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  DiscordAPIError,
  MessageFlags,
  RESTJSONErrorCodes,
} from "discord.js";
import type { Command, CommandDeps, ReplyPayload } from "../command-kit/command.js";
import { escapeMarkdown } from "../command-kit/format.js";
import { UserError } from "../core/errors.js";
import type { Logger } from "../logger.js";
import { toOptions } from "./interaction-options.js";

export interface RouterDeps {
  commands: readonly Command[];
  deps: CommandDeps;
  log: Logger;
  /** Defer when a reply is not ready this long after Discord created the interaction (it allows 3 s). */
  deferAfterMs?: number;
}

const NO_MENTIONS = { parse: [] as [] };
const DEFAULT_DEFER_AFTER_MS = 2_000;

/** The one entry point for interactions: chat-input commands and autocomplete. */
export async function handleInteraction(interaction: Interaction, router: RouterDeps): Promise<void> {
  if (interaction.isAutocomplete()) return answerAutocomplete(interaction, router);
  if (interaction.isChatInputCommand()) return answerCommand(interaction, router);
}

async function answerAutocomplete(interaction: AutocompleteInteraction, { commands, deps, log }: RouterDeps): Promise<void> {
  const command = commands.find((c) => c.definition.name === interaction.commandName);
  const focused = interaction.options.getFocused(true);
  let choices: { name: string; value: string }[] = [];
  try {
    choices = command?.autocomplete?.(focused.name, String(focused.value), deps) ?? [];
  } catch (error) {
    // Autocomplete never fails in the user's face: an empty list, and the bug in the log.
    log.error({ err: error, interaction: interaction.id, command: interaction.commandName }, "Autocomplete failed");
  }
  const valid = choices.slice(0, 25).map((c) => ({ name: c.name.slice(0, 100), value: c.value.slice(0, 100) }));
  await interaction.respond(valid).catch((error: unknown) => logSendFailure(log, interaction.id, error));
}

async function answerCommand(interaction: ChatInputCommandInteraction, router: RouterDeps): Promise<void> {
  const { commands, deps, log } = router;
  const started = Date.now();
  const command = commands.find((c) => c.definition.name === interaction.commandName);
  const context = { interaction: interaction.id, command: interaction.commandName, guild: interaction.guildId };
  let deferred = false;
  const defer = async () => {
    if (deferred) return;
    deferred = true;
    await interaction.deferReply();
  };

  try {
    if (!command) throw new UserError(`/${interaction.commandName} is not a Storyline command any more. Try /help.`);
    if (command.slow) await defer();
    const invoker = {
      userId: interaction.user.id,
      ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
      ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
      ...(interaction.memberPermissions ? { permissions: interaction.memberPermissions.bitfield } : {}),
    };
    const running = Promise.resolve().then(() => command.run(toOptions(interaction.options.data), { ...deps, invoker }));
    const budget = (router.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS) - (Date.now() - interaction.createdTimestamp);
    const payload = await raceWithDeferral(running, Math.max(0, budget), defer);
    await send(interaction, payload, deferred);
    log.info({ ...context, ms: Date.now() - started, deferred }, "Command answered");
  } catch (error) {
    // A UserError often echoes what was typed: shown as text unless it is our own markup.
    const userMessage = error instanceof UserError ? (error.markup ? error.message : escapeMarkdown(error.message)) : `Something went wrong (ref ${interaction.id}).`;
    if (!(error instanceof UserError)) log.error({ ...context, err: error, ref: interaction.id }, "Command failed");
    await sendError(interaction, userMessage, deferred).catch((sendError: unknown) => logSendFailure(log, interaction.id, sendError));
  }
}

/** Resolves with the payload; if it is not ready in time, defers first so Discord does not give up. */
async function raceWithDeferral(running: Promise<ReplyPayload>, budgetMs: number, defer: () => Promise<void>): Promise<ReplyPayload> {
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

async function send(interaction: ChatInputCommandInteraction, payload: ReplyPayload, deferred: boolean): Promise<void> {
  const message = { embeds: payload.embeds, allowedMentions: NO_MENTIONS, ...(payload.content ? { content: payload.content } : {}) };
  if (!deferred) {
    await interaction.reply({ ...message, ...(payload.flags ? { flags: MessageFlags.Ephemeral } : {}) });
  } else if (payload.flags) {
    // A deferred reply is public; a private answer replaces it with an ephemeral follow-up.
    await interaction.deleteReply();
    await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.editReply(message);
  }
}

async function sendError(interaction: ChatInputCommandInteraction, text: string, deferred: boolean): Promise<void> {
  const message = { content: text, allowedMentions: NO_MENTIONS };
  if (!deferred && !interaction.replied) return void (await interaction.reply({ ...message, flags: MessageFlags.Ephemeral }));
  await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
}

function logSendFailure(log: Logger, interactionId: string, error: unknown): void {
  // An interaction that expired (the user waited too long, or we did) cannot be answered; that is not a bug.
  if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction) {
    log.warn({ interaction: interactionId }, "Interaction expired before it was answered");
    return;
  }
  log.error({ err: error, interaction: interactionId }, "Could not send the reply");
}
