import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FetchSettings, politeFetch } from "../../src/follow/polite-fetch.js";
import { MAX_ATTEMPTS } from "../../src/follow/follow-pass.js";
import { type FixtureSite, html, startFixtureSite } from "./fixture-site.js";
import { CEASEFIRE, newsPage } from "./fixture-pages.js";
import { harness, minimalStory } from "./follow-helpers.js";

const NOW = new Date("2026-03-05T12:00:00Z");
const settings: FetchSettings = { userAgent: "Storyline/test", timeoutMs: 5_000, maxBytes: 1000, maxRedirects: 5, now: () => NOW };
const MINUTE = 60_000;

describe("politeFetch", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite();
    for (let i = 0; i < 7; i++) site.routes.set(`/hop/${i}`, (_q, res) => res.writeHead(302, { location: `/hop/${i + 1}` }).end());
    site.routes.set("/hop/7", html("<p>arrived</p>"));
    site.routes.set("/to-ftp", (_q, res) => res.writeHead(301, { location: "ftp://files.example/x" }).end());
    site.routes.set("/big", (_q, res) => res.writeHead(200, { "content-type": "text/html", "content-length": "5000" }).end("x".repeat(5000)));
    site.routes.set("/busy", (_q, res) => res.writeHead(429, { "retry-after": "120" }).end());
    site.routes.set("/down", (_q, res) => res.writeHead(503, { "retry-after": "Thu, 05 Mar 2026 13:00:00 GMT" }).end());
    site.routes.set("/gone", (_q, res) => res.writeHead(404).end());
    site.routes.set("/cached", html("<p>fresh</p>", { "cache-control": "public, max-age=3600", etag: '"e1"' }));
  });
  afterAll(() => site.close());

  it("follows at most five redirects, to http(s) only", async () => {
    expect(await politeFetch(`${site.origin}/hop/2`, settings)).toMatchObject({ kind: "ok", url: `${site.origin}/hop/7` });
    expect(await politeFetch(`${site.origin}/hop/1`, settings)).toMatchObject({ kind: "failed", reason: "more than 5 redirects", retryable: false });
    expect(await politeFetch(`${site.origin}/to-ftp`, settings)).toMatchObject({ kind: "failed", reason: "not an http(s) address", retryable: false });
  });

  it("refuses a body over the cap, says which errors are worth a retry, and reads Retry-After and Cache-Control", async () => {
    expect(await politeFetch(`${site.origin}/big`, settings)).toMatchObject({ kind: "failed", reason: "body of 5000 bytes is over the 1000-byte limit", retryable: false });
    expect(await politeFetch(`${site.origin}/busy`, settings)).toMatchObject({ kind: "failed", reason: "HTTP 429", retryable: true, retryAt: new Date(NOW.getTime() + 120_000) });
    expect(await politeFetch(`${site.origin}/down`, settings)).toMatchObject({ kind: "failed", reason: "HTTP 503", retryable: true, retryAt: new Date("2026-03-05T13:00:00Z") });
    expect(await politeFetch(`${site.origin}/gone`, settings)).toMatchObject({ kind: "failed", reason: "HTTP 404", retryable: false });
    expect(await politeFetch(`${site.origin}/cached`, settings)).toMatchObject({ kind: "ok", maxAgeSeconds: 3600, validators: { etag: '"e1"' } });
    expect(await politeFetch("http://127.0.0.1:1/nothing", settings)).toMatchObject({ kind: "failed", reason: expect.stringMatching(/^network error: /), retryable: true });
  });
});

describe("the polling schedule (an injected clock; passes as the loop runs them)", () => {
  let site: FixtureSite;
  const answers: { status: number; headers?: Record<string, string> }[] = [];
  beforeAll(async () => {
    site = await startFixtureSite();
    site.routes.set("/feed.json", (_q, res) => {
      const answer = answers.shift() ?? { status: 200 };
      const body = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "F", items: [{ id: "1", url: `${site.origin}/page`, title: "Ceasefire" }] });
      res.writeHead(answer.status, { "content-type": "application/feed+json", ...answer.headers }).end(answer.status === 200 ? body : "");
    });
    site.routes.set("/page", (_q, res, call) => {
      if (call <= MAX_ATTEMPTS + 1) res.writeHead(502).end();
      else res.writeHead(200, { "content-type": "text/html" }).end(newsPage({ title: "Ceasefire holds", paragraphs: CEASEFIRE }));
    });
  });
  afterAll(() => site.close());

  it("honours Retry-After and Cache-Control, backs off on errors, and retries a failed page with backoff up to a limit", async () => {
    const { dataDir, stateFile } = minimalStory([{ url: `${site.origin}/feed.json` }]);
    const h = harness(dataDir, stateFile);
    const feedHits = () => site.hits("/feed.json");
    const at = async (minutes: number) => {
      h.clock.now = NOW.getTime() + minutes * MINUTE;
      return h.pass({ force: false });
    };

    answers.push({ status: 503, headers: { "retry-after": "3600" } });
    await at(0);
    expect(feedHits()).toBe(1);
    await at(31); // past the 30-minute error backoff, but the server asked for an hour
    expect(feedHits()).toBe(1);
    const waiting = await h.pass({ force: true });
    expect(feedHits()).toBe(1); // even --once waits for Retry-After
    expect(waiting.lines).toEqual([]);

    answers.push({ status: 500 }, { status: 500 });
    await at(61);
    expect(feedHits()).toBe(2);
    await at(61 + 59); // two failures in a row: about an hour (15 min × 2²)
    expect(feedHits()).toBe(2);
    await at(61 + 61);
    expect(feedHits()).toBe(3);

    answers.push({ status: 200, headers: { "cache-control": "max-age=7200" } });
    await at(122 + 121); // after four times 15 minutes of backoff
    expect(feedHits()).toBe(4);
    expect(site.hits("/page")).toBe(1);
    await at(243 + 16); // FOLLOW_EVERY has passed, but the feed said it stays fresh for two hours
    expect(feedHits()).toBe(4);
    // The page failed at 243 (try 1) and was due again 15 minutes later, feed or no feed.
    expect(site.hits("/page")).toBe(2);
    answers.push({ status: 200 });
    const later = await at(243 + 121);
    expect(feedHits()).toBe(5);
    expect(later.lines.find((l) => l.url.endsWith("/page"))).toMatchObject({ outcome: "failed", reason: "HTTP 502; try 3 of 5" });

    // Later tries wait 60, then 120 minutes; the fifth failure is the last.
    let minute = 364;
    for (const wait of [60, 120]) {
      const early = await at(minute + wait - 1);
      expect(early.lines.find((l) => l.url.endsWith("/page"))?.outcome).toBe("seen");
      minute += wait + 1;
      await at(minute);
    }
    expect(site.hits("/page")).toBe(5);
    const settled = await h.pass({ force: true });
    expect(settled.lines.find((l) => l.url.endsWith("/page"))).toMatchObject({ outcome: "seen", reason: expect.stringMatching(/failed 5 times, not tried again \(HTTP 502; gave up after 5 tries\)/) });
    expect(site.hits("/page")).toBe(5);
    h.db.close();
  }, 60_000);

  it("spreads feeds with jitter", async () => {
    const { dataDir, stateFile } = minimalStory([{ url: `${site.origin}/feed.json` }]);
    const h = harness(dataDir, stateFile);
    const randoms = [0, 1];
    h.settings.random = () => randoms.shift() ?? 0.5;
    await h.pass();
    const first = h.settings.state.feed("lorrin-valley", `${site.origin}/feed.json`)!.nextPollAt - h.clock.now;
    await h.pass();
    const second = h.settings.state.feed("lorrin-valley", `${site.origin}/feed.json`)!.nextPollAt - h.clock.now;
    expect(first).toBe(0.9 * 15 * MINUTE);
    expect(second).toBe(1.1 * 15 * MINUTE);
    h.db.close();
  });
});

describe("one item's trouble stays that item's", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite();
    site.routes.set("/a", html(newsPage({ title: "Ceasefire holds in Merrowgate", paragraphs: CEASEFIRE })));
    site.routes.set("/rss", (_q, res) =>
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>${site.origin}</link><description>d</description><item><title>A</title><link>${site.origin}/a</link><guid>a</guid></item></channel></rss>`),
    );
    const guidFeed = (link: string) => (_q: unknown, res: import("node:http").ServerResponse) =>
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>${site.origin}</link><description>d</description><item><title>A</title><link>${site.origin}${link}</link><guid isPermaLink="false">tag:herald.example,2026:ceasefire</guid></item></channel></rss>`);
    site.routes.set("/main.rss", guidFeed("/a"));
    site.routes.set("/mirror.rss", guidFeed("/a?edition=intl"));
  });
  afterAll(() => site.close());

  it("a page that cannot be filed is failed with its reason and retried later; the pass completes", async () => {
    const { dataDir, stateFile, storyDir } = minimalStory([{ url: `${site.origin}/rss` }]);
    writeFileSync(path.join(storyDir, "articles"), "a file where the articles folder should be");
    const h = harness(dataDir, stateFile);
    const first = await h.pass();
    expect(first.lines).toEqual([expect.objectContaining({ outcome: "failed", reason: expect.stringMatching(/^could not be filed: .*; try 1 of 5$/) })]);
    rmSync(path.join(storyDir, "articles"));
    const second = await h.pass();
    expect(second.lines).toEqual([expect.objectContaining({ outcome: "ingested", article: expect.stringMatching(/ceasefire-holds-in-merrowgate$/) })]);
    h.db.close();
  }, 30_000);

  it("an item whose GUID another of the story's feeds already brought is a duplicate, whatever its address", async () => {
    const { dataDir, stateFile } = minimalStory([{ url: `${site.origin}/main.rss` }, { url: `${site.origin}/mirror.rss` }]);
    const h = harness(dataDir, stateFile);
    const { lines } = await h.pass();
    expect(lines.map((l) => [l.url, l.outcome, l.reason])).toEqual([
      [`${site.origin}/a`, "ingested", 'mentions "Lorrin Valley"'],
      [`${site.origin}/a?edition=intl`, "duplicate", `same feed GUID as ${site.origin}/a in ${site.origin}/main.rss`],
    ]);
    h.db.close();
  }, 30_000);
});
