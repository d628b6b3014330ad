import { type Command, type CommandDeps, OptionType, type PayloadFile, stringOption } from "../src/command-kit/command.js";
import { dateOption } from "../src/command-kit/date-option.js";
import { EMBED_LIMITS, joinWithin, reply, truncate } from "../src/message/limits.js";
import { COLORS, escapeMarkdown, formatDate, stateLabel } from "../src/message/format.js";
import { noMatch, noThread } from "../src/command-kit/no-match.js";
import { completeStory, storyOption } from "../src/command-kit/story-option.js";
import { completeTopic } from "../src/command-kit/topic-option.js";
import { UserError } from "../src/core/errors.js";
import { pickStory } from "../src/core/pick-story.js";
import { searchStatus } from "../src/core/search-status.js";
import { indexStory } from "../src/core/story-index.js";
import { type Development, buildTimeline } from "../src/core/summaries/timeline.js";
import { renderPng } from "../src/render/render-png.js";
import { timelineLayout } from "../src/render/timeline-layout.js";

/** Discord's upload limit for a bot in a server without boosts. */
export const ATTACHMENT_LIMIT = 8 * 1024 * 1024;
/** Lanes drawn; more would make a picture too tall to read. The text still counts them all. */
const MAX_LANES = 25;
export const TIMELINE_FILE = "timeline.png";

export const timeline: Command = {
  definition: {
    name: "timeline",
    description: "The dated developments of each thread, as text and a picture",
    options: [
      { type: OptionType.String, name: "topic", description: "A thread, e.g. meeting or call", autocomplete: true, max_length: 100 },
      { type: OptionType.String, name: "from", description: "From this date, YYYY-MM-DD", max_length: 10 },
      { type: OptionType.String, name: "to", description: "Up to this date, YYYY-MM-DD", max_length: 10 },
      storyOption,
    ],
  },

  run(options, deps) {
    const story = pickStory(deps.catalog(), stringOption(options, "story"));
    const topic = stringOption(options, "topic");
    const from = dateOption(options, "from");
    const to = dateOption(options, "to");
    if (from && to && from > to) throw new UserError(`from (${from}) is after to (${to}).`);
    const timelines = searchStatus(story, topic ? { topic } : {});
    if (timelines.length === 0) {
      return noMatch({ title: "No matching thread", missing: noThread(story.title, topic), suggestions: topic ? indexStory(story).topics.suggest(topic) : [] });
    }
    const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
    const built = buildTimeline(timelines, range);
    const rangeLabel = from || to ? `${from ? formatDate(from) : "the start"} to ${to ? formatDate(to) : "now"}` : "the whole story";
    const header = `${built.developments.length} development${built.developments.length === 1 ? "" : "s"} in ${built.lanes.length} thread${built.lanes.length === 1 ? "" : "s"}, ${rangeLabel}; newest first.`;
    const lines = built.developments.map(developmentLine);
    const title = truncate(topic ? `Timeline: ${topic}` : `Timeline · ${story.title}`, EMBED_LIMITS.title);

    const picture = drawPicture(deps, {
      title: topic ? `Timeline: ${topic}` : story.title,
      subtitle: `${built.lanes.length} thread${built.lanes.length === 1 ? "" : "s"}, ${rangeLabel}`,
      lanes: built.lanes.slice(0, MAX_LANES),
      articleDates: story.articles.map((a) => a.date).filter((d) => (!from || d >= from) && (!to || d <= to)),
      today: deps.now().toISOString().slice(0, 10),
      hiddenLanes: Math.max(0, built.lanes.length - MAX_LANES),
    });
    const note = picture.file ? "" : `\n${picture.problem}`;
    const description = joinWithin([header, ...lines], EMBED_LIMITS.description - note.length, (n) => `…and ${n} earlier: narrow it with topic:, from: or to:`) + note;
    const payload = reply({
      title,
      description,
      color: COLORS.neutral,
      ...(picture.file ? { image: { url: `attachment://${TIMELINE_FILE}` } } : {}),
      footer: { text: truncate(story.title, EMBED_LIMITS.footer) },
    });
    return picture.file ? { ...payload, files: [picture.file] } : payload;
  },

  autocomplete(option, typed, deps) {
    if (option === "story") return completeStory(typed, deps);
    return option === "topic" ? completeTopic(typed, deps) : [];
  },
};

function developmentLine(d: Development): string {
  const change = d.from === undefined ? stateLabel(d.to) : d.from === d.to ? `${stateLabel(d.to)} (update)` : `${stateLabel(d.from)} → ${stateLabel(d.to)}`;
  return `**${formatDate(d.date)}** · ${escapeMarkdown(d.topic.name)}: ${change}`;
}

/** The picture, or why there is none: a drawing failure never costs the answer. */
function drawPicture(deps: CommandDeps, picture: Parameters<typeof timelineLayout>[0]): { file?: PayloadFile; problem: string } {
  try {
    const data = (deps.renderPng ?? renderPng)(timelineLayout(picture));
    if (data.length > ATTACHMENT_LIMIT) return { problem: "(The picture would be too large to send; narrow it with topic:, from: or to:.)" };
    return { file: { name: TIMELINE_FILE, data, description: "Timeline: one lane per thread, coloured by state" }, problem: "" };
  } catch {
    return { problem: "(The picture could not be drawn this time; the text above has every development.)" };
  }
}
