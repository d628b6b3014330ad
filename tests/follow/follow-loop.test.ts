import { readdirSync } from "node:fs";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFollowLoop } from "../../src/follow/follow-loop.js";
import { type FixtureSite, feed, html, startFixtureSite } from "./fixture-site.js";
import { CEASEFIRE, newsPage } from "./fixture-pages.js";
import { harness, minimalStory } from "./follow-helpers.js";

describe("the follow loop in npm start", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite();
    site.routes.set("/a", html(newsPage({ title: "Ceasefire holds in Merrowgate", publishedTime: "2026-03-02T08:00:00Z", paragraphs: CEASEFIRE })));
    site.routes.set("/rss", feed(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>${site.origin}</link><description>d</description><item><title>A</title><link>${site.origin}/a</link><guid>a</guid></item></channel></rss>`, "application/rss+xml"));
  });
  afterAll(() => site.close());

  it("polls what is due on each wake-up, never overlapping, and stops cleanly", async () => {
    const { dataDir, stateFile, storyDir } = minimalStory([{ url: `${site.origin}/rss` }]);
    const h = harness(dataDir, stateFile);
    const pending: { callback: () => void; ms: number }[] = [];
    const timers = { setTimeout: (callback: () => void, ms: number) => pending.push({ callback, ms }), clearTimeout: () => {} };
    const logged: string[] = [];
    const log = pino({ level: "info" }, { write: (line: string) => logged.push(JSON.parse(line).msg) });

    const loop = startFollowLoop(h.settings, log, timers);
    await expect.poll(() => pending.length, { timeout: 20_000 }).toBe(1);
    expect(pending[0]!.ms).toBe(60_000);
    expect(readdirSync(path.join(storyDir, "articles"))).toEqual(["2026-03-02-ceasefire-holds-in-merrowgate.json"]);
    expect(logged).toContain("Followed feeds");

    // The next wake-up, a minute later: the feed is not due for about 15 minutes, so nothing is fetched.
    const requests = site.requests.length;
    h.clock.now += 60_000;
    pending.shift()!.callback();
    await expect.poll(() => pending.length, { timeout: 20_000 }).toBe(1);
    expect(site.requests.length).toBe(requests);

    // Sixteen minutes on, the feed is due again and answers 304.
    h.clock.now += 16 * 60_000;
    pending.shift()!.callback();
    await loop.stop();
    expect(site.requests.slice(requests).map((r) => [r.path, r.ifNoneMatch])).toEqual([["/rss", '"v1"']]);
    expect(pending).toHaveLength(0);
    h.db.close();
  }, 60_000);
});
