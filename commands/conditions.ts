import { type Command, OptionType, stringOption } from "../src/command-kit/command.js";
import { joinWithin, listEmbed, reply, EMBED_LIMITS } from "../src/message/limits.js";
import { COLORS, escapeMarkdown, formatDate, FIRMNESS_LABELS } from "../src/message/format.js";
import { noMatch } from "../src/command-kit/no-match.js";
import { completeStory, storyOption } from "../src/command-kit/story-option.js";
import { currentPage, packPages, withPages } from "../src/command-kit/paging.js";
import { pickStory } from "../src/core/pick-story.js";
import { searchConditions } from "../src/core/search-conditions.js";
import { indexStory } from "../src/core/story-index.js";


export const conditions: Command = {
  definition: {
    name: "conditions",
    description: "What each party demands, and how firmly",
    options: [
      { type: OptionType.String, name: "party", description: "A party or the person setting terms, e.g. Russia or Putin", autocomplete: true, max_length: 100 },
      storyOption,
    ],
  },

  run(options, deps) {
    const story = pickStory(deps.catalog(), stringOption(options, "story"));
    const party = stringOption(options, "party");
    const result = searchConditions(story, party ? { party } : {});

    if (result.groups.length === 0) {
      const named = result.matched && result.matched.parties.length + result.matched.holders.length > 0;
      const parties = [...new Set(story.conditions.map((c) => escapeMarkdown(c.party.name)))];
      const title = escapeMarkdown(story.title);
      return noMatch({
        title: "No matching conditions",
        missing: party
          ? named
            ? `No conditions from ${[...result.matched!.parties, ...result.matched!.holders].map((p) => escapeMarkdown(p.name)).join(" or ")} in ${title} yet.`
            : `No party called "${escapeMarkdown(party)}" in ${title}.`
          : `No conditions recorded in ${title} yet.`,
        suggestions: party && !named ? indexStory(story).parties.suggest(party) : [],
        otherwise: parties.length > 0 ? `Parties with conditions: ${parties.join(", ")}.` : "",
      });
    }

    const items = result.groups.map((group) => ({
      name: escapeMarkdown(group.holder ? `${group.party.name} — ${group.holder.name}` : group.party.name),
      value: joinWithin(
        group.conditions.map((c) => `• **${FIRMNESS_LABELS[c.firmness]}**: ${escapeMarkdown(c.text)} (${formatDate(c.date)})`),
        EMBED_LIMITS.fieldValue,
        (n) => `…and ${n} more`,
      ),
    }));
    const total = result.groups.reduce((sum, g) => sum + g.conditions.length, 0);
    // Pages of whole parties, so a party's conditions are never split.
    const pages = packPages(items);
    const page = currentPage(deps, pages.length);
    const payload = reply(
      listEmbed({
        title: escapeMarkdown(result.matched ? `Conditions: ${[...result.matched.parties, ...result.matched.holders].map((p) => p.name).join(", ")}` : `Conditions · ${story.title}`),
        description: `${total} condition${total === 1 ? "" : "s"}, firmest first.`,
        color: COLORS.neutral,
        items: pages[page - 1]!,
        noun: "parties",
        footer: story.title,
      }),
    );
    return withPages(payload, { command: "conditions", options, page, pages: pages.length, deps });
  },

  autocomplete(option, typed, deps) {
    if (option === "story") return completeStory(typed, deps);
    if (option !== "party") return [];
    const story = pickStory(deps.catalog());
    const index = indexStory(story);
    const parties = typed.trim() ? index.parties.complete(typed, 25) : story.parties.slice(0, 25);
    const holders = [...new Set(story.conditions.flatMap((c) => (c.holder ? [c.holder] : [])))];
    const holderMatches = typed.trim() ? index.people.complete(typed, 25).filter((p) => holders.includes(p)) : holders;
    return [...parties.map((p) => p.name), ...holderMatches.map((p) => p.name)]
      .slice(0, 25)
      .map((name) => ({ name: name.slice(0, 100), value: name.slice(0, 100) }));
  },
};
