import { parseArgs } from "node:util";
import { timeline } from "../../commands/timeline.js";
import { buildTimeline } from "../../src/core/summaries/timeline.js";
import { topicTimelines } from "../../src/core/story.js";
import { renderPng } from "../../src/render/render-png.js";
import { timelineLayout } from "../../src/render/timeline-layout.js";
import { depsOf } from "../../tests/builders.js";
import { manyThreads } from "../../tests/fixtures/many-threads.js";

/**
 * `npm run bench:timeline [-- --threads 50 --items 500 --runs 30]`: the /timeline picture,
 * step by step (timeline, layout, PNG) and the whole command, median and p95 in ms.
 */
const { values } = parseArgs({ options: { threads: { type: "string", default: "50" }, items: { type: "string", default: "500" }, runs: { type: "string", default: "30" }, json: { type: "boolean", default: false } } });
const catalog = manyThreads({ threads: Number(values.threads), items: Number(values.items) });
const story = catalog.stories[0]!;
const deps = depsOf(catalog);
const runs = Number(values.runs);

function measure(run: () => unknown): { median: number; p95: number } {
  run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
  return { median: at(0.5), p95: at(0.95) };
}

const built = buildTimeline(topicTimelines(story));
const picture = { title: story.title, subtitle: "bench", lanes: built.lanes.slice(0, 25), articleDates: story.articles.map((a) => a.date), today: "2026-01-01", hiddenLanes: Math.max(0, built.lanes.length - 25) };
const layout = timelineLayout(picture);
const png = renderPng(layout);
const results = {
  threads: Number(values.threads),
  items: Number(values.items),
  pngBytes: png.length,
  size: `${layout.width}x${layout.height}`,
  timelineMs: measure(() => buildTimeline(topicTimelines(story))),
  layoutMs: measure(() => timelineLayout(picture)),
  pngMs: measure(() => renderPng(layout)),
  commandMs: measure(() => timeline.run({}, deps)),
};
process.stdout.write(values.json ? `${JSON.stringify(results)}\n` : `${Object.entries(results).map(([k, v]) => `${k}: ${typeof v === "object" ? `median ${v.median}, p95 ${v.p95}` : v}`).join("\n")}\n`);
