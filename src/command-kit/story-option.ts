import type { APIApplicationCommandStringOption } from "discord-api-types/v10";
import { type Choice, type CommandDeps, OptionType } from "./command.js";
import { storyIndex } from "../core/pick-story.js";

/** The `story` option every lookup command shares, for servers that follow several stories. */
export const storyOption: APIApplicationCommandStringOption = {
  type: OptionType.String,
  name: "story",
  description: "Which story (defaults to the most recently updated one)",
  autocomplete: true,
  max_length: 100,
};

export function completeStory(typed: string, deps: CommandDeps): Choice[] {
  return storyIndex(deps.catalog())
    .complete(typed, 25)
    .map((s) => ({ name: s.title.slice(0, 100), value: s.id }));
}
