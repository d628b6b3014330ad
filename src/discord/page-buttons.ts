import { type ButtonInteraction, MessageFlags } from "discord.js";
import type { Options } from "../command-kit/command.js";
import { escapeMarkdown } from "../message/format.js";
import { isExpired, optionsDigest, parsePageId, readCommandLine } from "../command-kit/paging.js";
import { UserError } from "../core/errors.js";
import type { Command, CommandDeps } from "../command-kit/command.js";
import type { Logger } from "../logger.js";
import { logSendFailure, raceWithDeferral, toMessage } from "./interaction-replies.js";
import { NO_MENTIONS } from "../message/payload.js";

const DEFER_AFTER_MS = 2_000;

/**
 * A Newer/Older press: the page is computed again from what the button and the message
 * carry, and the same message is edited (callback type 7, UPDATE_MESSAGE). An expired
 * or unreadable button gets a private note instead, never a failed interaction.
 */
export async function answerPageButton(interaction: ButtonInteraction, router: { commands: readonly Command[]; deps: CommandDeps; log: Logger }): Promise<void> {
  const { commands, deps, log } = router;
  const state = parsePageId(interaction.customId);
  const context = { interaction: interaction.id, customId: interaction.customId };
  const note = (content: string) =>
    interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }).catch((error: unknown) => logSendFailure(log, interaction.id, error));
  if (!state) return void (await note("This button is not one Storyline knows; run the command again."));
  const command = commands.find((c) => c.definition.name === state.command);
  if (!command) return void (await note(`/${state.command} is not a Storyline command any more. Try /help.`));
  if (isExpired(state, deps.now())) {
    return void (await note(`These buttons stopped working 15 minutes after the answer was given; run /${state.command} again for a fresh one.`));
  }
  const options: Options | undefined = readCommandLine(state.command, interaction.message.embeds[0]?.footer?.text);
  if (!options || optionsDigest(state.command, options) !== state.digest) {
    return void (await note(`This answer can no longer be paged; run /${state.command} again.`));
  }
  let deferred = false;
  try {
    const invoker = { userId: interaction.user.id, ...(interaction.guildId ? { guildId: interaction.guildId } : {}), ...(interaction.channelId ? { channelId: interaction.channelId } : {}) };
    const running = Promise.resolve().then(() => command.run(options, { ...deps, invoker, paging: { page: state.page, created: state.created } }));
    const budget = DEFER_AFTER_MS - (Date.now() - interaction.createdTimestamp);
    const payload = await raceWithDeferral(running, Math.max(0, budget), async () => {
      deferred = true;
      await interaction.deferUpdate();
    });
    const { files: _files, ...message } = toMessage(payload);
    if (deferred) await interaction.editReply(message);
    else await interaction.update(message);
    log.info({ ...context, page: state.page, deferred }, "Page shown");
  } catch (error) {
    const text = error instanceof UserError ? (error.markup ? error.message : escapeMarkdown(error.message)) : `Something went wrong (ref ${interaction.id}).`;
    if (!(error instanceof UserError)) log.error({ ...context, err: error, ref: interaction.id }, "Page failed");
    const reply = { content: text, flags: MessageFlags.Ephemeral as const, allowedMentions: NO_MENTIONS };
    await (deferred ? interaction.followUp(reply) : interaction.reply(reply)).catch((sendError: unknown) => logSendFailure(log, interaction.id, sendError));
  }
}
