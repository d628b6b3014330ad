import { cpSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/core/build-catalog.js";
import { mergeIntoStory } from "../../src/core/ingest/merge-into-story.js";
import { readDataFiles } from "../../src/data/read-data-files.js";
import { type StoryFile, storySchema } from "../../src/core/schema.js";
import { FIXTURES, extract, fixture } from "./extract-helpers.js";
import { CLI_TIMEOUT, runCli } from "./run-cli.js";
import { SEED_DIR } from "../seed.js";

const storyPath = (dataDir: string) => path.join(dataDir, "stories", "ukraine-peace-talks", "story.json");
const seedStory: StoryFile = storySchema.parse(JSON.parse(readFileSync(storyPath(SEED_DIR), "utf8")));

describe("mergeIntoStory", () => {
  it("maps spelling variants onto the story's people and topics without adding them again", () => {
    const { story, article, added } = mergeIntoStory(seedStory, extract(fixture("zelensky-visit.txt")));
    expect(added).toEqual({ people: [], parties: [], topics: [] });
    expect(article.quotes.map((q) => q.speaker)).toEqual(["volodymyr-zelenskyy", "volodymyr-zelenskyy", "dmitry-peskov"]);
    expect(article.status.map((s) => s.topic)).toEqual(["trump-zelenskyy-meeting", "trump-putin-call", "trump-zelenskyy-meeting"]);
    // Nothing new: only a name the story lacked joins as an alias; the hand-written summary stays.
    expect(story).toEqual({ ...seedStory, topics: story.topics });
    expect(story.topics.map((t) => t.id)).toEqual(seedStory.topics.map((t) => t.id));
    expect(story.summary).toBe(seedStory.summary);
  }, CLI_TIMEOUT);

  it("adds new people, parties and topics, and is idempotent", () => {
    const once = mergeIntoStory(seedStory, extract(fixture("grain-corridor.txt")));
    expect(once.added.people).toEqual(expect.arrayContaining(["anna-aydin", "pavel-orlov", "mykola-hrytsenko"]));
    expect(once.added.parties).toEqual(["turkey"]);
    expect(once.added.topics).toEqual(["aydin-hrytsenko-meeting"]);
    const twice = mergeIntoStory(once.story, extract(fixture("grain-corridor.txt")));
    expect(twice.added).toEqual({ people: [], parties: [], topics: [] });
    expect(twice.story).toEqual(once.story);
    expect(twice.article).toEqual(once.article);
  }, CLI_TIMEOUT);

  it("adds a new spelling of a known person as an alias", () => {
    const text = "Peace talks resume\nMarch 1, 2025\n\n\"We are ready to talk,\" said Ukrainian President Volodymyr Zelenskiy.";
    const { story, added } = mergeIntoStory(seedStory, extract(text));
    expect(added.people).toEqual([]);
    const zelenskyy = story.people.find((p) => p.id === "volodymyr-zelenskyy")!;
    expect(zelenskyy.aliases).toContain("Volodymyr Zelenskiy");
  }, CLI_TIMEOUT);
});

describe("ingest CLI", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "storyline-ingest-"));
  cpSync(SEED_DIR, dataDir, { recursive: true });
  const files = [path.join(FIXTURES, "zelensky-visit.txt"), path.join(FIXTURES, "grain-corridor.txt")];
  const articlesDir = path.join(dataDir, "stories", "ukraine-peace-talks", "articles");

  it("writes articles that buildCatalog loads without problems, and prints what it found", async () => {
    const { status, stdout, stderr } = runCli("ingest.ts", [...files, "--story", "ukraine-peace-talks"], { DATA_DIR: dataDir });
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain("quotes: ");
    expect(stdout).toContain("Volodymyr Zelenskyy (President of Ukraine): 2");
    expect(stdout).toContain("conditions: 4");
    expect(stdout).toContain("Trump–Zelenskyy meeting: planned");
    const { catalog, problems } = buildCatalog(await readDataFiles(dataDir));
    expect(problems).toEqual([]);
    const story = catalog.stories.find((s) => s.id === "ukraine-peace-talks")!;
    const quote = story.quotes.find((q) => q.text === "We need security guarantees before any ceasefire")!;
    expect(quote.speaker.id).toBe("volodymyr-zelenskyy");
    expect(story.conditions.some((c) => c.party.id === "turkey" && c.holder?.id === "anna-aydin")).toBe(true);
    expect(story.status.some((s) => s.topic.id === "aydin-hrytsenko-meeting" && s.state === "planned")).toBe(true);
  }, CLI_TIMEOUT);

  it("adds nothing when the same text is ingested again", () => {
    const before = readdirSync(articlesDir).sort();
    const storyBefore = readFileSync(storyPath(dataDir), "utf8");
    const { status, stdout } = runCli("ingest.ts", files, { DATA_DIR: dataDir });
    expect(status).toBe(0);
    expect(stdout.match(/\(unchanged\)/g)).toHaveLength(2);
    expect(readdirSync(articlesDir).sort()).toEqual(before);
    expect(readFileSync(storyPath(dataDir), "utf8")).toBe(storyBefore);
  }, CLI_TIMEOUT);

  it("reports an unreadable file and still ingests the others", () => {
    const { status, stderr } = runCli("ingest.ts", [path.join(dataDir, "nope.txt"), files[0]!], { DATA_DIR: dataDir });
    expect(stderr).toContain("nope.txt");
    expect(status).toBe(1);
  }, CLI_TIMEOUT);
});
