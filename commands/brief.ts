import { type Command, OptionType, stringOption } from "../src/command-kit/command.js";
import { dateOption } from "../src/command-kit/date-option.js";
import { EMBED_LIMITS, reply, truncate } from "../src/message/limits.js";
import { COLORS, escapeMarkdown, formatDate, sourceLink, stateLabel } from "../src/message/format.js";
import { completeStory, storyOption } from "../src/command-kit/story-option.js";
import { pickStory } from "../src/core/pick-story.js";
import { type BriefThread, buildBrief } from "../src/core/summaries/brief.js";

const THREAD_LINES = 4;
const SHORT = 160;

export const brief: Command = {
  definition: {
    name: "brief",
    description: "The story in a few lines: what changed, where each thread stands, open conditions",
    options: [
      storyOption,
      { type: OptionType.String, name: "since", description: "What changed since this date, YYYY-MM-DD (default: the last day with news)", max_length: 10 },
    ],
  },

  run(options, deps) {
    const story = pickStory(deps.catalog(), stringOption(options, "story"));
    const since = dateOption(options, "since");
    const brief = buildBrief(story, since ? { since } : {});
    const count = brief.newArticles.length;

    // At most 8 short lines, each built from states, names, dates and counts: never article prose.
    const lines: string[] = [];
    lines.push(
      count > 0
        ? `**Since ${formatDate(brief.since)}** (${count} article${count === 1 ? "" : "s"}): ${escapeMarkdown(brief.inShort)}.`
        : `**Nothing new since ${formatDate(brief.since)}**${brief.lastNewsDay ? `; the last news is from ${formatDate(brief.lastNewsDay)}` : ""}.`,
    );
    const shown = brief.threads.slice(0, THREAD_LINES);
    const hidden = brief.threads.length - shown.length;
    shown.forEach((thread, i) => {
      const more = i === shown.length - 1 && hidden > 0 ? ` (+${hidden} more thread${hidden === 1 ? "" : "s"}: /status)` : "";
      lines.push(`${threadLine(thread)}${more}`);
    });
    if (brief.threads.length === 0) lines.push("No live threads on record.");
    if (brief.conditions.length > 0) {
      const parties = brief.conditions.slice(0, 2).map(({ party, items }) => {
        const firmest = items[0]!;
        const others = items.length - 1;
        return `${escapeMarkdown(party)}: ${escapeMarkdown(truncate(firmest.text, 90))} (${firmest.firmness})${others > 0 ? ` +${others} more` : ""}`;
      });
      const moreParties = brief.conditions.length - 2;
      lines.push(`**Open conditions:** ${parties.join("; ")}${moreParties > 0 ? `; +${moreParties} more parties` : ""}`);
    }
    if (brief.quote) {
      const q = brief.quote;
      const words = q.kind === "direct" ? `“${escapeMarkdown(truncate(q.text, SHORT))}”` : `*${escapeMarkdown(truncate(q.text, SHORT))}* (reported)`;
      lines.push(`${words} — ${escapeMarkdown(q.speaker.name)}, ${formatDate(q.date)}`);
    }
    if (brief.sources.length > 0) {
      const links = brief.sources.slice(0, 4).map((a) => `${sourceLink(a)} (${formatDate(a.date)})`);
      lines.push(`Sources: ${links.join(", ")}${brief.sources.length > 4 ? ` +${brief.sources.length - 4} more` : ""}`);
    }
    return reply({
      title: truncate(`In brief · ${story.title}`, EMBED_LIMITS.title),
      description: truncate(lines.slice(0, 8).join("\n"), EMBED_LIMITS.description),
      color: COLORS.neutral,
      footer: { text: "Built from the story's structured data · /status, /conditions and /quote say more" },
    });
  },

  autocomplete(option, typed, deps) {
    return option === "story" ? completeStory(typed, deps) : [];
  },
};

function threadLine({ timeline, changed, was }: BriefThread): string {
  const current = timeline.current;
  const change = was ? `, was ${stateLabel(was)}` : "";
  return `${changed ? "• New:" : "•"} ${escapeMarkdown(timeline.topic.name)}: **${stateLabel(current.state)}**${change} (${formatDate(current.date)})`;
}
