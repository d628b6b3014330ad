import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/core/build-catalog.js";
import { formatProblem } from "../../src/core/errors.js";
import { articleFile, catalogOf, dataFiles, storyFile } from "../builders.js";
import { loadSeed } from "../seed.js";

const quote = { speaker: "ana-ruznjak", text: "We will not move the border.", kind: "direct" as const };

describe("loading story data", () => {
  it("loads the seed story with every quote, condition and status item", async () => {
    const [story] = (await loadSeed()).stories;
    expect(story?.id).toBe("ukraine-peace-talks");
    expect(story?.quotes.filter((q) => q.kind === "direct").map((q) => q.speaker.name)).toEqual([
      "Donald Trump",
      "Donald Trump",
      "Donald Trump",
      "Dmitry Peskov",
      "Dmitry Peskov",
      "Donald Trump",
      "Donald Trump",
    ]);
    expect(story?.conditions.map((c) => [c.holder?.name, c.firmness])).toEqual([
      ["Vladimir Putin", "non-negotiable"],
      ["Vladimir Putin", "firm"],
    ]);
  });

  it("names the file, the JSON path and what was expected for an invalid field", () => {
    const bad = { ...articleFile({ quotes: [quote] }), quotes: [{ ...quote, kind: "rumour" }], date: "9 March" };
    const files = dataFiles(storyFile(), []);
    files.push({ file: "data/stories/test-story/articles/bad.json", storyDir: "test-story", kind: "article", text: JSON.stringify(bad) });
    const { problems } = buildCatalog(files);
    expect(problems.map(formatProblem)).toEqual([
      "data/stories/test-story/articles/bad.json: date: expected a date as YYYY-MM-DD",
      'data/stories/test-story/articles/bad.json: quotes[0].kind: Invalid option: expected one of "direct"|"reported"',
    ]);
  });

  it("reports broken JSON with its position and still loads the other files", () => {
    const files = dataFiles(storyFile(), [articleFile({ quotes: [quote] })]);
    files.push({ file: "data/stories/test-story/articles/broken.json", storyDir: "test-story", kind: "article", text: '{"id": "x",' });
    const { catalog, problems } = buildCatalog(files);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe("data/stories/test-story/articles/broken.json");
    expect(problems[0]?.message).toMatch(/^not valid JSON: .*position/);
    expect(catalog.stories[0]?.quotes.map((q) => q.text)).toEqual([quote.text]);
  });

  it("rejects a quote whose speaker nobody defined, naming the field", () => {
    const files = dataFiles(storyFile(), [articleFile({ quotes: [{ ...quote, speaker: "nobody" }] })]);
    const { catalog, problems } = buildCatalog(files);
    expect(problems.map(formatProblem)).toEqual([
      `data/stories/test-story/articles/2025-03-01-talks.json: quotes[0].speaker: unknown id "nobody": expected a person id from story.json or this article's people`,
    ]);
    expect(catalog.stories[0]?.articles).toEqual([]);
  });

  it("lets an article introduce a new person and merges its aliases into a known one", () => {
    const article = articleFile({
      people: [
        { id: "carla-mendes", name: "Carla Mendes", aliases: [], role: "Mediator" },
        { id: "boris-kovalenko", name: "Boris Kovalenko", aliases: ["Borys Kovalenko"] },
      ],
      quotes: [{ speaker: "carla-mendes", text: "Both sides came to the table.", kind: "direct" }],
    });
    const story = buildCatalog(dataFiles(storyFile(), [article])).catalog.stories[0]!;
    expect(story.quotes[0]?.speaker.role).toBe("Mediator");
    expect(story.people.find((p) => p.id === "boris-kovalenko")?.aliases).toEqual(["Kovalenko", "Borys Kovalenko"]);
  });

  it("skips a second article with the same id and says which file had it first", () => {
    const files = dataFiles(storyFile(), [articleFile()]);
    files.push({ ...files[1]!, file: "data/stories/test-story/articles/copy.json" });
    const { problems } = buildCatalog(files);
    expect(formatProblem(problems[0]!)).toBe(
      'data/stories/test-story/articles/copy.json: id: duplicate article id "2025-03-01-talks", already used by data/stories/test-story/articles/2025-03-01-talks.json',
    );
  });

  it("reports a person, party or topic id that story.json repeats, instead of keeping the last one", () => {
    const base = storyFile();
    const story = {
      ...base,
      people: [...base.people, { id: "ana-ruznjak", name: "Someone Else", aliases: [] }],
      parties: [...base.parties, { id: "north", name: "Other North", aliases: [] }],
      topics: [{ id: "ceasefire", name: "Truce", aliases: [] }, ...base.topics],
    };
    const { catalog, problems } = buildCatalog(dataFiles(story, [articleFile()]));
    expect(catalog.stories).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'data/stories/test-story/story.json: parties[2].id: duplicate id "north": already used by parties[0]',
      'data/stories/test-story/story.json: people[2].id: duplicate id "ana-ruznjak": already used by people[0]',
      'data/stories/test-story/story.json: topics[2].id: duplicate id "ceasefire": already used by topics[0]',
      "data/stories/test-story/articles/2025-03-01-talks.json: skipped: its story.json is invalid",
    ]);
  });

  it("keeps serving the last good story.json when an edit repeats an id", () => {
    const good = dataFiles(storyFile(), [articleFile({ quotes: [quote] })]);
    const first = buildCatalog(good);
    const repeated = { ...storyFile(), people: [...storyFile().people, { id: "ana-ruznjak", name: "Someone Else", aliases: [] }] };
    const second = buildCatalog(dataFiles(repeated, [articleFile({ quotes: [quote] })]), first.good);
    expect(second.catalog.stories[0]?.quotes.map((q) => q.speaker.name)).toEqual(["Ana Ružnják"]);
    expect(second.problems.map(formatProblem)).toEqual([
      'data/stories/test-story/story.json: people[2].id: duplicate id "ana-ruznjak": already used by people[0] (still serving the last good version)',
    ]);
  });

  it("reports a person id that one article lists twice", () => {
    const article = articleFile({
      people: [
        { id: "carla-mendes", name: "Carla Mendes", aliases: [] },
        { id: "carla-mendes", name: "Carla Mendez", aliases: [] },
      ],
    });
    const { catalog, problems } = buildCatalog(dataFiles(storyFile(), [article]));
    expect(catalog.stories[0]?.articles).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'data/stories/test-story/articles/2025-03-01-talks.json: people[1].id: duplicate id "carla-mendes": already used by people[0]',
    ]);
  });

  it("skips the articles of a story whose story.json is invalid, and says why", () => {
    const files = dataFiles({ ...storyFile(), title: "" }, [articleFile()]);
    const { catalog, problems } = buildCatalog(files);
    expect(catalog.stories).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      "data/stories/test-story/story.json: title: expected non-empty text",
      "data/stories/test-story/articles/2025-03-01-talks.json: skipped: its story.json is invalid",
    ]);
  });

  it("requires story.json's id to match its folder", () => {
    const { problems } = buildCatalog(dataFiles(storyFile(), [], "other-folder"));
    expect(formatProblem(problems[0]!)).toBe('data/stories/other-folder/story.json: id: expected "other-folder", the name of its folder');
  });

  it("keeps serving the last good version of a file that broke since", () => {
    const good = dataFiles(storyFile(), [articleFile({ quotes: [quote] })]);
    const first = buildCatalog(good);
    const broken = good.map((f) => (f.kind === "article" ? { ...f, text: f.text.replace('"direct"', '"rumour"') } : f));
    const second = buildCatalog(broken, first.good);
    expect(second.catalog.stories[0]?.quotes.map((q) => q.text)).toEqual([quote.text]);
    expect(second.problems[0]?.message).toMatch(/still serving the last good version/);
  });

  it("orders articles and their items oldest first, whatever the file names", () => {
    const later = articleFile({ id: "a-later", date: "2025-03-05", quotes: [{ ...quote, text: "Later words." }] });
    const earlier = articleFile({ id: "z-earlier", date: "2025-03-01", quotes: [{ ...quote, text: "Earlier words." }] });
    const story = buildCatalog(dataFiles(storyFile(), [later, earlier])).catalog.stories[0]!;
    expect(story.quotes.map((q) => q.text)).toEqual(["Earlier words.", "Later words."]);
  });
});

describe("a condition stated again in the same words", () => {
  const condition = (party: string, text: string, firmness: "stated" | "firm" | "non-negotiable", holder?: string) => ({ party, text, firmness, ...(holder ? { holder } : {}) });

  it("is one condition with its latest firmness, date and article, unless another holder states it or it repeats within one article", () => {
    const catalog = catalogOf(storyFile(), [
      articleFile({ id: "a1", date: "2025-03-01", conditions: [condition("north", "Troops withdraw.", "stated", "ana-ruznjak"), condition("north", "Troops withdraw.", "firm", "ana-ruznjak"), condition("south", "Troops withdraw.", "stated")] }),
      articleFile({ id: "a2", date: "2025-03-02", conditions: [condition("north", "Troops withdraw.", "non-negotiable")] }),
      articleFile({ id: "a3", date: "2025-03-03", conditions: [condition("north", "Troops withdraw.", "firm", "boris-kovalenko"), condition("north", "Sanctions end.", "firm")] }),
    ]);
    const list = catalog.stories[0]!.conditions.map((c) => [c.id, c.party.id, c.holder?.id, c.firmness, c.date, c.article.id]);
    expect(list).toEqual([
      // The first of the two in a1 took a2's restatement (no holder there, so any holder matches), then a3's by the same party (holders differ: not that one).
      ["a1#c0", "north", "ana-ruznjak", "non-negotiable", "2025-03-02", "a2"],
      ["a1#c1", "north", "ana-ruznjak", "firm", "2025-03-01", "a1"],
      ["a1#c2", "south", undefined, "stated", "2025-03-01", "a1"],
      ["a3#c0", "north", "boris-kovalenko", "firm", "2025-03-03", "a3"],
      ["a3#c1", "north", undefined, "firm", "2025-03-03", "a3"],
    ]);
  });
});
