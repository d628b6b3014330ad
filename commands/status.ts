import { type Command, OptionType, stringOption } from "../src/command-kit/command.js";
import { joinWithin, listEmbed, reply, EMBED_LIMITS } from "../src/message/limits.js";
import { COLORS, escapeMarkdown, formatDate, stateLabel } from "../src/message/format.js";
import { noMatch, noThread } from "../src/command-kit/no-match.js";
import { completeStory, storyOption } from "../src/command-kit/story-option.js";
import { completeTopic } from "../src/command-kit/topic-option.js";
import { currentPage, packPages, withPages } from "../src/command-kit/paging.js";
import { pickStory } from "../src/core/pick-story.js";
import { searchStatus } from "../src/core/search-status.js";
import type { StatusItem } from "../src/core/story.js";
import { indexStory } from "../src/core/story-index.js";

export const status: Command = {
  definition: {
    name: "status",
    description: "Where each thread stands (a call, a summit, a ceasefire), newest first, with its history",
    options: [
      { type: OptionType.String, name: "topic", description: "A thread, e.g. meeting or call", autocomplete: true, max_length: 100 },
      storyOption,
    ],
  },

  run(options, deps) {
    const story = pickStory(deps.catalog(), stringOption(options, "story"));
    const topic = stringOption(options, "topic");
    const timelines = searchStatus(story, topic ? { topic } : {});

    if (timelines.length === 0) {
      const known = story.topics.slice(0, 10).map((t) => escapeMarkdown(t.name));
      return noMatch({
        title: "No matching thread",
        missing: noThread(story.title, topic),
        suggestions: topic ? indexStory(story).topics.suggest(topic) : [],
        otherwise: known.length > 0 ? `Threads: ${known.join(", ")}.` : "",
      });
    }

    const items = timelines.map(({ topic: t, current, items: history }) => {
      const earlier = history.slice(0, -1).reverse().map((item) => `↳ ${itemLine(item)}`);
      const head = `**${stateLabel(current.state)}** · ${formatDate(current.date)}\n${escapeMarkdown(current.detail)}`;
      const value =
        earlier.length === 0
          ? head
          : `${head}\n${joinWithin(["Earlier:", ...earlier], EMBED_LIMITS.fieldValue - head.length - 1, (n) => `…and ${n} earlier`)}`;
      return { name: `${escapeMarkdown(t.name)}: ${stateLabel(current.state)}`, value };
    });
    // Pages of whole threads, the thread that changed last first.
    const pages = packPages(items);
    const page = currentPage(deps, pages.length);
    const payload = reply(
      listEmbed({
        title: escapeMarkdown(topic ? `Status: ${topic}` : `Status · ${story.title}`),
        description: "Newest first; each thread shows its current state, then what came before.",
        color: COLORS.neutral,
        items: pages[page - 1]!,
        noun: "threads",
        hint: "pick one with topic:",
        footer: story.title,
      }),
    );
    return withPages(payload, { command: "status", options, page, pages: pages.length, deps });
  },

  autocomplete(option, typed, deps) {
    if (option === "story") return completeStory(typed, deps);
    return option === "topic" ? completeTopic(typed, deps) : [];
  },
};

function itemLine(item: StatusItem): string {
  return `${stateLabel(item.state)} · ${formatDate(item.date)}: ${escapeMarkdown(item.detail)}`;
}
