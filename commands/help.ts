import type { Command } from "../src/command-kit/command.js";
import { reply } from "../src/message/limits.js";
import { COLORS, escapeMarkdown } from "../src/message/format.js";

export const help: Command = {
  definition: { name: "help", description: "What Storyline can tell you, with examples" },

  run(_options, deps) {
    const titles = deps.catalog().stories.map((s) => escapeMarkdown(s.title));
    return reply({
      title: "Storyline",
      description: `Keeps this server on top of a developing story.${titles.length ? ` Following: ${titles.join("; ")}.` : ""}`,
      color: COLORS.neutral,
      fields: [
        { name: "/quote", value: "Who said what. Search by words, speaker or both; typos are fine.\n`/quote speaker:Peskov`\n`/quote query:people stop dying`" },
        { name: "/conditions", value: "What each party demands, and how firmly.\n`/conditions party:Russia`" },
        { name: "/status", value: "Where each thread stands, newest first, with its history.\n`/status`\n`/status topic:meeting`" },
        { name: "/brief", value: "The story in a few lines: what changed, where each thread stands, open conditions, a quote, sources.\n`/brief` · `/brief since:2025-02-01`" },
        { name: "/timeline", value: "Dated developments of each thread, with a picture.\n`/timeline` · `/timeline topic:meeting from:2025-02-01`" },
        { name: "/who", value: "A person: role, party, how often quoted, latest quotes, conditions, threads.\n`/who person:Peskov`" },
        { name: "/whosaid", value: "Who said these words? Typos are fine; only you see the answer.\n`/whosaid text:neither confirm nor deny`" },
        { name: "Who said this?", value: "Right-click (or long-press) any message → Apps → Who said this? Looks its words up in the story; only you see the answer." },
        {
          name: "/digest",
          value:
            "A digest of what changed, posted to a channel on a schedule (Manage Server).\n`/digest subscribe channel:#news schedule:daily 08:00 timezone:Europe/Kyiv`\n`/digest list` · `/digest preview since:2025-02-01`",
        },
        { name: "/help", value: "This message." },
      ],
      footer: { text: "Every lookup command takes story: when the server follows more than one story. Long answers have Newer/Older buttons." },
    });
  },
};
