import { ApplicationCommandOptionType, type CommandInteractionOption } from "discord.js";
import type { OptionValue } from "../command-kit/command.js";

/**
 * Flattens Discord's option tree into what `run` takes: `{ subcommand: "preview", since: "…" }`.
 * Channel options arrive as their id.
 */
export function toOptions(data: readonly CommandInteractionOption[]): Record<string, OptionValue> {
  const options: Record<string, OptionValue> = {};
  for (const option of data) {
    if (option.type === ApplicationCommandOptionType.Subcommand) {
      options.subcommand = option.name;
      Object.assign(options, toOptions(option.options ?? []));
    } else if (option.value !== undefined && option.value !== null) {
      options[option.name] = option.value;
    }
  }
  return options;
}
