import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import type { Options, ReplyPayload } from "../../src/command-kit/command.js";
import { escapeMarkdown, safeUrl, sourceLink } from "../../src/message/format.js";
import { renderText } from "../../src/console/render-text.js";
import { digestChanges, digestSummary } from "../../src/core/digest.js";
import { nothingChanged, renderDigest } from "../../src/digest/render-digest.js";
import { articleFile, catalogOf, depsOf, storyFile } from "../builders.js";

/** Everything Discord would turn into markup, a link or a ping. */
/** Short enough for a name (100 characters) with a word in front. */
const EVIL = "[x](https://evil.example) @everyone @here <@1> **Bold** _Ivan_ ||spoiler|| `code` ~~gone~~";
const SOURCE_URL = "https://example.com/a_(b)[c](https://evil.example)";
const ENCODED_SOURCE = "https://example.com/a_%28b%29%5Bc%5D%28https://evil.example%29";

const story = storyFile({
  title: `# Story ${EVIL}`,
  parties: [{ id: "north", name: `Northland ${EVIL}`, aliases: [] }],
  people: [{ id: "ana", name: `Ana ${EVIL}`, aliases: ["Ana"], role: `> Role ${EVIL}`, party: "north" }],
  topics: [{ id: "talks", name: `- Talks ${EVIL}`, aliases: ["talks"] }],
});
const article = articleFile({
  title: `Article ${EVIL}`,
  source: { name: `Wire ${EVIL}`, url: SOURCE_URL },
  quotes: [{ speaker: "ana", text: `We said ${EVIL}\n# Heading\n> quoted\n1. listed`, kind: "direct", context: `Context ${EVIL}` }],
  conditions: [{ party: "north", holder: "ana", text: `Condition ${EVIL}`, firmness: "firm" }],
  status: [{ topic: "talks", state: "proposed", detail: `Detail ${EVIL}`, date: "2025-03-01" }],
});
const deps = depsOf(catalogOf(story, [article]));
const run = async (name: string, options: Options = {}) => commands.find((c) => c.definition.name === name)!.run(options, deps);

/** Every text Discord renders as markdown (footers are plain text). */
function renderedTexts(payload: ReplyPayload): string[] {
  return [
    payload.content ?? "",
    ...payload.embeds.flatMap((e) => [e.title ?? "", e.description ?? "", ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
  ].filter(Boolean);
}

/** Masked links as Discord parses them: an unescaped [text](url). */
const MASKED_LINK = /(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/g;

function expectInert(payload: ReplyPayload): void {
  expect(payload.allowedMentions).toEqual({ parse: [] });
  for (const text of renderedTexts(payload)) {
    for (const [, , url] of text.matchAll(MASKED_LINK)) expect(url).toBe(ENCODED_SOURCE);
    const withoutLinks = text.replace(MASKED_LINK, "");
    expect(withoutLinks).not.toMatch(/(?<!\\)https?:\/\/evil/);
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).not.toMatch(/(?<!\\)<[@#]/);
    expect(text).not.toMatch(/(?<!\\)\*\*Bold/);
    expect(text).not.toMatch(/(?<!\\)_Ivan/);
    expect(text).not.toMatch(/(?<!\\)\|\|spoiler/);
    expect(text).not.toMatch(/(?<!\\)`code/);
    expect(text).not.toMatch(/(?<!\\)~~gone/);
    expect(text).not.toMatch(/^\s*(#|>|-|\d+\.)\s/m);
  }
}

describe("story text and echoed input are shown as text", () => {
  it("in every command's answer", async () => {
    const payloads = [
      await run("quote", { speaker: "Ana" }),
      await run("quote", { query: "said" }),
      await run("conditions"),
      await run("conditions", { party: "Northland" }),
      await run("status"),
      await run("status", { topic: "talks" }),
      await run("help"),
      await run("digest", { subcommand: "preview" }),
      await run("digest", { subcommand: "preview", since: "2025-01-01" }),
    ];
    for (const payload of payloads) expectInert(payload);
    // The quote is still there, readable once Discord drops the escapes.
    const quote = (await run("quote", { speaker: "Ana" })).embeds[0]!.fields![0]!;
    expect(quote.value).toContain("\\[x\\](https\\://evil.example)");
    expect(quote.value).toContain(`[Wire`);
    expect(quote.value).toContain(`](${ENCODED_SOURCE})`);
  });

  it("when a lookup finds nothing and echoes what was typed", async () => {
    for (const payload of [
      await run("quote", { query: EVIL }),
      await run("quote", { speaker: EVIL }),
      await run("conditions", { party: EVIL }),
      await run("status", { topic: EVIL }),
    ]) {
      expectInert(payload);
    }
  });

  it("in digests and their first summary", () => {
    const [s] = catalogOf(story, [article]).stories;
    for (const message of [...renderDigest(digestChanges(s!, new Set())), ...renderDigest(digestSummary(s!)), nothingChanged(s!.title, undefined)]) {
      expectInert(message);
    }
  });
});

describe("the console", () => {
  it("shows escaped story text as it was written", async () => {
    const text = renderText(await run("quote", { speaker: "Ana" }));
    expect(text).toContain(`We said ${EVIL}`);
    expect(text).toContain(`Wire ${EVIL} <${ENCODED_SOURCE}>`);
    expect(text.trimEnd().endsWith(`\n# Story ${EVIL}`)).toBe(true);
  });
});

describe("escapeMarkdown", () => {
  it("leaves plain text alone and escapes what Discord would render", () => {
    expect(escapeMarkdown("Talks in Riyadh, 9 Feb (Sunday): 3 - 2.")).toBe("Talks in Riyadh, 9 Feb (Sunday): 3 - 2.");
    expect(escapeMarkdown("[x](https://evil.example)")).toBe("\\[x\\](https\\://evil.example)");
    expect(escapeMarkdown("@everyone")).not.toBe("@everyone");
    expect(escapeMarkdown("-# small\n## big\n1. one")).toBe("\\-# small\n\\## big\n1\\. one");
    expect(escapeMarkdown("a\\b")).toBe("a\\\\b");
  });
});

describe("source links", () => {
  it("allow only http(s), encoded so nothing can leave the link", () => {
    expect(safeUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeUrl("file:///etc/passwd")).toBeUndefined();
    expect(safeUrl("https://user:pw@evil.example/")).toBeUndefined();
    expect(safeUrl("not a url")).toBeUndefined();
    expect(safeUrl(SOURCE_URL)).toBe(ENCODED_SOURCE);
    const ref = { id: "a", title: "t", date: "2025-03-01", source: { name: "Wire", url: "javascript:alert(1)" } };
    expect(sourceLink(ref as never)).toBe("Wire");
  });
});
