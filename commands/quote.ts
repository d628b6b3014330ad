import { type Command, OptionType, stringOption } from "../src/command-kit/command.js";
import { listEmbed, reply, truncate } from "../src/message/limits.js";
import { PAGE_SIZE, currentPage, pageCount, withPages } from "../src/command-kit/paging.js";
import { COLORS, escapeMarkdown, quoteField } from "../src/message/format.js";
import { noMatch } from "../src/command-kit/no-match.js";
import { pickStory } from "../src/core/pick-story.js";
import { searchQuotes } from "../src/core/search-quotes.js";
import type { Story } from "../src/core/story.js";
import { indexStory } from "../src/core/story-index.js";
import { completeStory, storyOption } from "../src/command-kit/story-option.js";

const SHOWN = PAGE_SIZE;
/** (6000 − title − footer with the command line) / 5, less each field's name. */
const PAGED_FIELD = 780;

export const quote: Command = {
  definition: {
    name: "quote",
    description: "Find who said what: search quotes by words, by speaker, or both",
    options: [
      { type: OptionType.String, name: "query", description: "Words from the quote (typos are fine)", max_length: 200 },
      { type: OptionType.String, name: "speaker", description: "Who said it, e.g. Peskov", autocomplete: true, max_length: 100 },
      storyOption,
    ],
  },

  run(options, deps) {
    const story = pickStory(deps.catalog(), stringOption(options, "story"));
    const query = stringOption(options, "query");
    const speaker = stringOption(options, "speaker");
    const askedPage = Math.max(1, deps.paging?.page ?? 1);
    const result = searchQuotes(story, { ...(query ? { query } : {}), ...(speaker ? { speaker } : {}) }, { limit: askedPage * SHOWN });
    const asked = [query ? `matching "${escapeMarkdown(query)}"` : "", speaker ? `from ${result.speakers?.length ? result.speakers.map((p) => escapeMarkdown(p.name)).join(" or ") : escapeMarkdown(speaker)}` : ""]
      .filter(Boolean)
      .join(" ");

    if (result.total === 0) {
      const index = indexStory(story);
      const nobody = speaker !== undefined && result.speakers?.length === 0;
      return noMatch({
        title: "No matching quotes",
        missing: nobody ? `Nobody called "${escapeMarkdown(speaker)}" is quoted in ${escapeMarkdown(story.title)}.` : `No quote ${asked} in ${escapeMarkdown(story.title)}.`,
        suggestions: nobody ? index.people.suggest(speaker) : [],
        otherwise: `People quoted: ${quotedPeople(story).join(", ") || "none yet"}.`,
      });
    }

    // Pages of five, best (then newest) first; each page shown newest first so it reads as it happened last.
    const pages = pageCount(result.total, SHOWN);
    const page = currentPage(deps, pages);
    const shown = result.quotes.slice((page - 1) * SHOWN, page * SHOWN).sort((a, b) => b.date.localeCompare(a.date));
    // Five fields of this size always fit in one embed, so no page ever drops a quote.
    const fields = shown.map((q) => quoteField(q, { detailed: true })).map((f) => ({ ...f, value: truncate(f.value, PAGED_FIELD) }));
    const payload = reply(
      listEmbed({
        title: asked ? `Quotes ${asked}` : `Latest quotes · ${escapeMarkdown(story.title)}`,
        color: COLORS.neutral,
        items: fields,
        noun: "quotes",
        footer: story.title,
      }),
    );
    return withPages(payload, { command: "quote", options, page, pages, deps });
  },

  autocomplete(option, typed, deps) {
    if (option === "story") return completeStory(typed, deps);
    if (option !== "speaker") return [];
    const story = pickStory(deps.catalog());
    const people = typed.trim()
      ? indexStory(story).people.complete(typed, 25)
      : indexStory(story).quotedPeople.slice(0, 25);
    return people.map((p) => ({ name: p.role ? `${p.name} — ${p.role}`.slice(0, 100) : p.name, value: p.name.slice(0, 100) }));
  },
};

function quotedPeople(story: Story): string[] {
  // From the index: counting a million quotes on every reply would be slow.
  return indexStory(story).quotedPeople.slice(0, 10).map((p) => escapeMarkdown(p.name));
}
