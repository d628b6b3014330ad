import { describe, expect, it } from "vitest";
import { digestChanges, digestSince } from "../../src/core/digest.js";
import { buildBrief } from "../../src/core/summaries/brief.js";
import { buildTimeline } from "../../src/core/summaries/timeline.js";
import { topicTimelines } from "../../src/core/story.js";
import { buildCatalog } from "../../src/core/build-catalog.js";
import { readDataFiles } from "../../src/data/read-data-files.js";
import { renderDigest } from "../../src/digest/render-digest.js";
import { articleFile, catalogOf, storyFile } from "../builders.js";

const harbour = async () => {
  const result = buildCatalog(await readDataFiles("tests/fixtures/harbour"));
  expect(result.problems).toEqual([]);
  return result.catalog.stories[0]!;
};

describe("In short", () => {
  it("leads a digest with the news, from the changes: held, broke down again, new conditions", () => {
    const story = catalogOf(storyFile(), [
      articleFile({ id: "a1", date: "2025-03-01", status: [{ topic: "ceasefire", state: "violated", detail: "x", date: "2025-03-01" }, { topic: "ceasefire", state: "in-effect", detail: "y", date: "2025-03-02" }] }),
      articleFile({
        id: "a2",
        date: "2025-03-05",
        status: [{ topic: "border-talks", state: "held", detail: "z", date: "2025-03-05" }, { topic: "ceasefire", state: "violated", detail: "w", date: "2025-03-05" }],
        conditions: [{ party: "north", text: "Troops pull back", firmness: "firm" }],
      }),
    ]).stories[0]!;
    const content = digestChanges(story, new Set(["a1"]));
    expect(content.inShort).toBe("The Ceasefire was violated again; the Border talks were held; Northland set 1 new condition");
    expect(renderDigest(content)[0]!.embeds[0]!.description!.split("\n")[0]).toBe("**In short:** The Ceasefire was violated again; the Border talks were held; Northland set 1 new condition.");
  });

  it("says so when articles came without a change of state", () => {
    const story = catalogOf(storyFile(), [articleFile({ id: "a1", date: "2025-03-01" })]).stories[0]!;
    expect(digestSince(story, "2025-01-01").inShort).toBe("1 new article, with no change of state");
  });
});

describe("a story built from articles (the fictional harbour strike)", () => {
  it("/brief and /timeline cover every thread that changed", async () => {
    const story = await harbour();
    const since = "2026-10-01";
    const changed = topicTimelines(story).filter((t) => t.items.some((i) => i.date >= since)).map((t) => t.topic.name);
    expect(changed.length).toBeGreaterThan(2);
    const brief = buildBrief(story, { since });
    expect(brief.threads.filter((t) => t.changed).map((t) => t.timeline.topic.name).sort()).toEqual([...changed].sort());
    const timeline = buildTimeline(topicTimelines(story), { from: since });
    expect(new Set(timeline.developments.map((d) => d.topic.name))).toEqual(new Set(changed));
    expect(timeline.lanes.map((l) => l.topic.name).sort()).toEqual(topicTimelines(story).map((t) => t.topic.name).sort());
  });
});
