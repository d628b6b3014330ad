import type { Command, CommandDeps, ReplyPayload } from "../command-kit/command.js";
import { parseLine } from "./parse-line.js";
import { optionNamesOf, resolveInvocation } from "./resolve-options.js";

/**
 * Answers one console line with the payload Discord would get. A mistake in the line
 * or in what it asks is thrown as a UserError for the caller to show.
 */
export async function runLine(line: string, commands: readonly Command[], deps: CommandDeps): Promise<ReplyPayload> {
  const { command, options } = resolveInvocation(parseLine(line, optionNamesOf(commands)), commands);
  return command.run(options, deps);
}
