import type { StoryFile } from "../schema.js";

/**
 * story.json as people edit it: one line per party and topic, a few lines per person,
 * so an ingest shows up in a diff as the lines it added rather than a reformatted file.
 */
export function formatStory(story: StoryFile): string {
  const entry = (value: unknown, oneLine: boolean) => {
    const line = JSON.stringify(value).replace(/":/g, "\": ").replace(/,"/g, ", \"").replace(/^\{"/, "{ \"").replace(/\}$/, " }");
    if (oneLine && line.length <= 160) return line;
    const fields = Object.entries(value as Record<string, unknown>).map(([key, v]) => `      ${JSON.stringify(key)}: ${inline(v)}`);
    return `{\n${fields.join(",\n")}\n    }`;
  };
  const inline = (v: unknown) => (Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(", ")}]` : JSON.stringify(v));
  const list = (items: unknown[], oneLine = true) =>
    items.length === 0 ? "[]" : `[\n    ${items.map((item) => entry(item, oneLine)).join(",\n    ")}\n  ]`;
  return [
    "{",
    `  "id": ${JSON.stringify(story.id)},`,
    `  "title": ${JSON.stringify(story.title)},`,
    ...(story.summary !== undefined ? [`  "summary": ${JSON.stringify(story.summary)},`] : []),
    ...(story.keywords?.length ? [`  "keywords": ${inline(story.keywords)},`] : []),
    ...(story.summaryBy ? [`  "summaryBy": ${JSON.stringify(story.summaryBy)},`] : []),
    `  "parties": ${list(story.parties)},`,
    `  "people": ${list(story.people, false)},`,
    `  "topics": ${list(story.topics)}`,
    "}",
    "",
  ].join("\n");
}
