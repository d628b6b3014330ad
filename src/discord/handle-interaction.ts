import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
} from "discord.js";
import type { Command, CommandDeps, Options, ReplyPayload } from "../command-kit/command.js";
import { escapeMarkdown } from "../message/format.js";
import { UserError } from "../core/errors.js";
import type { Logger } from "../logger.js";
import { toOptions } from "./interaction-options.js";
import { logSendFailure, raceWithDeferral, toMessage } from "./interaction-replies.js";
import { answerPageButton } from "./page-buttons.js";
import { messageText } from "./message-text.js";
import { NO_MENTIONS } from "../message/payload.js";

export interface RouterDeps {
  commands: readonly Command[];
  deps: CommandDeps;
  log: Logger;
  /** Defer when a reply is not ready this long after Discord created the interaction (it allows 3 s). */
  deferAfterMs?: number;
}

const DEFAULT_DEFER_AFTER_MS = 2_000;

/** The one entry point for interactions: chat-input and message context-menu commands, autocomplete, page buttons. */
export async function handleInteraction(interaction: Interaction, router: RouterDeps): Promise<void> {
  if (interaction.isAutocomplete()) return answerAutocomplete(interaction, router);
  if (interaction.isChatInputCommand()) return answerCommand(interaction, router, toOptions(interaction.options.data));
  // The target message arrives in the interaction's resolved data: no Message Content intent needed.
  if (interaction.isMessageContextMenuCommand()) return answerCommand(interaction, router, { text: messageText(interaction.targetMessage) });
  if (interaction.isButton()) return answerPageButton(interaction, router);
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

type CommandInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

async function answerCommand(interaction: CommandInteraction, router: RouterDeps, options: Options): Promise<void> {
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
    const running = Promise.resolve().then(() => command.run(options, { ...deps, invoker }));
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

async function send(interaction: CommandInteraction, payload: ReplyPayload, deferred: boolean): Promise<void> {
  const message = toMessage(payload);
  if (!deferred) {
    await interaction.reply({ ...message, ...(payload.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  } else if (payload.ephemeral) {
    // A deferred reply is public; a private answer replaces it with an ephemeral follow-up.
    await interaction.deleteReply();
    await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.editReply(message);
  }
}

async function sendError(interaction: CommandInteraction, text: string, deferred: boolean): Promise<void> {
  const message = { content: text, allowedMentions: NO_MENTIONS };
  if (!deferred && !interaction.replied) return void (await interaction.reply({ ...message, flags: MessageFlags.Ephemeral }));
  await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
}
