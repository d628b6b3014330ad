import { ApplicationCommandType } from "discord-api-types/v10";
import { type Command, type CommandDeps, type Options, OptionType, type ReplyPayload, stringOption } from "../src/command-kit/command.js";
import { listEmbed, reply, truncate } from "../src/message/limits.js";
import { COLORS, escapeMarkdown, formatDate, sourceLink } from "../src/message/format.js";
import { completeStory, storyOption } from "../src/command-kit/story-option.js";
import { UserError } from "../src/core/errors.js";
import { pickStory } from "../src/core/pick-story.js";
import { whoSaid } from "../src/core/summaries/who-said.js";

/** The message context-menu command's name, as Discord shows it when a message is right-clicked. */
export const WHO_SAID_MENU = "Who said this?";

/**
 * "Who said this?" on a message (Apps → Who said this?), and /whosaid text:… for pasting
 * words by hand and for the console. Always private: it answers one person's question.
 */
export const whoSaidMenu: Command = {
  definition: { type: ApplicationCommandType.Message, name: WHO_SAID_MENU, description: "" },
  run: (options, deps) => answer(options, deps),
};

export const whoSaidText: Command = {
  definition: {
    name: "whosaid",
    description: "Who said these words? Finds the quote, its speaker, date and source",
    options: [{ type: OptionType.String, name: "text", description: "The words, as remembered (typos are fine)", required: true, max_length: 1000 }, storyOption],
  },
  run: (options, deps) => answer(options, deps),
  autocomplete: (option, typed, deps) => (option === "story" ? completeStory(typed, deps) : []),
};

function answer(options: Options, deps: CommandDeps): ReplyPayload {
  const story = pickStory(deps.catalog(), stringOption(options, "story"));
  const text = stringOption(options, "text");
  if (!text) throw new UserError("That message has no words to look for (only pictures or embeds?).");
  const matches = whoSaid(story, text);
  const asked = `“${escapeMarkdown(truncate(text.replace(/\s+/g, " "), 200))}”`;
  if (matches.length === 0) {
    return reply(
      { title: "Not in the story", description: `These words are not in any quote in ${escapeMarkdown(story.title)}:\n${asked}\nTry /quote with a few of the words, or /who with a name.`, color: COLORS.warning },
      { ephemeral: true },
    );
  }
  const items = matches.map(({ quote: q, score }) => ({
    name: q.speaker.role ? `${q.speaker.name} · ${q.speaker.role}` : q.speaker.name,
    value: [
      q.kind === "direct" ? `“${escapeMarkdown(q.text)}”` : `*${escapeMarkdown(q.text)}* (reported)`,
      ...(q.context ? [escapeMarkdown(q.context)] : []),
      `${formatDate(q.date)} · ${sourceLink(q.article)}${score < 0.9 ? " · close, not exact" : ""}`,
    ].join("\n"),
  }));
  return reply(
    listEmbed({ title: `Who said this? ${matches[0]!.quote.speaker.name}`, description: `Best matches for ${asked}`, color: COLORS.neutral, items, noun: "matches", footer: story.title }),
    { ephemeral: true },
  );
}
