import { type Command, type EmbedField, OptionType, stringOption } from "../src/command-kit/command.js";
import { EMBED_LIMITS, joinWithin, listEmbed, reply } from "../src/message/limits.js";
import { COLORS, escapeMarkdown, formatDate, sourceLink, stateLabel } from "../src/message/format.js";
import { noMatch } from "../src/command-kit/no-match.js";
import { completeStory, storyOption } from "../src/command-kit/story-option.js";
import { UserError } from "../src/core/errors.js";
import { pickStory } from "../src/core/pick-story.js";
import { findPerson } from "../src/core/summaries/who.js";
import { indexStory } from "../src/core/story-index.js";

export const who: Command = {
  definition: {
    name: "who",
    description: "Who a person is in the story: role, party, quotes, conditions, threads",
    options: [
      { type: OptionType.String, name: "person", description: "A name, e.g. Peskov", required: true, autocomplete: true, max_length: 100 },
      storyOption,
    ],
  },

  run(options, deps) {
    const story = pickStory(deps.catalog(), stringOption(options, "story"));
    const name = stringOption(options, "person");
    if (!name) throw new UserError("Name someone, e.g. /who person:Peskov.");
    const result = findPerson(story, name);
    if (!result.found) {
      return noMatch({
        title: "Nobody by that name",
        missing: `Nobody called "${escapeMarkdown(name)}" in ${escapeMarkdown(story.title)}.`,
        suggestions: result.suggestions,
        otherwise: "Try /quote to see who is quoted.",
      });
    }
    const { person, party, quoteCount, lastQuoted, latestQuotes, conditions, threads } = result.found;
    const description = [
      [person.role, party?.name].filter(Boolean).map((t) => escapeMarkdown(t!)).join(" · ") || "No role on record",
      quoteCount > 0 ? `Quoted ${quoteCount} time${quoteCount === 1 ? "" : "s"}; most recently on ${formatDate(lastQuoted!)}.` : "Not quoted in this story.",
      result.others.length > 0 ? `Also matching: ${result.others.slice(0, 5).map((p) => escapeMarkdown(p.name)).join(", ")}.` : "",
    ].filter(Boolean);
    const items: EmbedField[] = [];
    if (latestQuotes.length > 0) {
      items.push({
        name: "Latest quotes",
        value: joinWithin(
          latestQuotes.map((q) => `${q.kind === "direct" ? `“${escapeMarkdown(q.text)}”` : `*${escapeMarkdown(q.text)}* (reported)`} — ${formatDate(q.date)} · ${sourceLink(q.article)}`),
          EMBED_LIMITS.fieldValue,
          (n) => `…and ${n} more: /quote speaker:${escapeMarkdown(person.name)}`,
        ),
      });
    }
    if (conditions.length > 0) {
      items.push({
        name: "Conditions they set",
        value: joinWithin(conditions.map((c) => `• ${escapeMarkdown(c.party.name)}, ${c.firmness}: ${escapeMarkdown(c.text)} (${formatDate(c.date)})`), EMBED_LIMITS.fieldValue, (n) => `…and ${n} more`),
      });
    }
    if (threads.length > 0) {
      items.push({
        name: "Threads they appear in",
        value: joinWithin(threads.map((t) => `• ${escapeMarkdown(t.topic.name)}: ${stateLabel(t.current.state)} (${formatDate(t.current.date)})`), EMBED_LIMITS.fieldValue, (n) => `…and ${n} more`),
      });
    }
    return reply(listEmbed({ title: person.name, description: description.join("\n"), color: COLORS.neutral, items, noun: "sections", footer: story.title }));
  },

  autocomplete(option, typed, deps) {
    if (option === "story") return completeStory(typed, deps);
    if (option !== "person") return [];
    const index = indexStory(pickStory(deps.catalog()));
    const people = typed.trim() ? index.people.complete(typed, 25) : index.quotedPeople.slice(0, 25);
    return people.map((p) => ({ name: (p.role ? `${p.name} — ${p.role}` : p.name).slice(0, 100), value: p.name.slice(0, 100) }));
  },
};
