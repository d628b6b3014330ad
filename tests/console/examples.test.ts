import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { help } from "../../commands/help.js";
import { LineError } from "../../src/console/parse-line.js";
import { runLine } from "../../src/console/run-line.js";
import { UserError } from "../../src/core/errors.js";
import { articleFile, catalogOf, depsOf, storyFile } from "../builders.js";

/**
 * Every command line the README and /help show runs as written in the console. Lines run
 * against a made-up story, so what is checked is that each is understood and answered (a
 * "no match" is an answer), not what the shipped data holds.
 */

/** Lines of the README: prompts and command lines in code blocks, inline `/command option:…` and `ask -- "…"`. */
function readmeExamples(markdown: string): string[] {
  const examples: string[] = [];
  const blocks = markdown.split(/^```/m).filter((_, i) => i % 2 === 1);
  for (const block of blocks) {
    for (const raw of block.split("\n").slice(1)) {
      const line = raw.replace(/^storyline> /, "");
      // A note after a wide gap, like "(cron: 07:30 on weekdays)", explains the line; it is not typed.
      if (line.startsWith("/")) examples.push(line.replace(/\s{2,}\(.*\)\s*$/, "").trim());
    }
  }
  for (const [, span] of markdown.matchAll(/`([^`\n]+)`/g)) {
    const asked = /ask -- (?:--json )?"(.*)"$/.exec(span!);
    if (asked) examples.push(asked[1]!);
    // A span with options or a subcommand; `/quote [query]` is a synopsis and a lone `/digest` a name.
    else if (span!.startsWith("/") && span!.includes(" ") && !span!.includes("[")) examples.push(span!);
  }
  return [...new Set(examples)];
}

async function helpExamples(): Promise<string[]> {
  const payload = await help.run({}, depsOf(catalogOf(storyFile(), [])));
  const text = JSON.stringify(payload.embeds.map((e) => [e.description, e.fields?.map((f) => f.value)]));
  return [...text.matchAll(/`(\/[^`]+)`/g)].map((m) => m[1]!);
}

const catalog = catalogOf(storyFile(), [articleFile({ quotes: [{ speaker: "ana-ruznjak", text: "We will not move the border.", kind: "direct" }] })]);

/** The answer to a line, or the reason it got none. */
async function answer(line: string): Promise<"answered" | string> {
  try {
    const payload = await runLine(line, commands, depsOf(catalog));
    return payload.embeds.length > 0 || payload.content ? "answered" : "empty reply";
  } catch (error) {
    // Managing digests needs a server: the console says so, and that is its answer there.
    if (error instanceof UserError && !(error instanceof LineError) && /works in a Discord server/.test(error.message)) return "answered";
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

const readme = readmeExamples(readFileSync("README.md", "utf8"));
const shownInHelp = await helpExamples();

describe("the examples people are shown", () => {

  it("finds the examples to check", () => {
    expect(readme).toContain("/quote speaker:Peskov");
    expect(readme).toContain("/digest subscribe channel:#news schedule:30 7 * * 1-5");
    expect(shownInHelp).toContain("/quote query:people stop dying");
    expect(shownInHelp).toContain("/digest subscribe channel:#news schedule:daily 08:00 timezone:Europe/Kyiv");
  });

  it.each(readme)("README: %s runs as written", async (line) => {
    expect(await answer(line)).toBe("answered");
  });

  it.each(shownInHelp)("/help: %s runs as written", async (line) => {
    expect(await answer(line)).toBe("answered");
  });
});
