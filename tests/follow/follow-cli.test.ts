import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureSite, feed, html, startFixtureSite } from "./fixture-site.js";
import { CEASEFIRE, TALKS, newsPage } from "./fixture-pages.js";
import { CONTACT, minimalStory } from "./follow-helpers.js";
import { runCliAsync } from "../ingest/run-cli-async.js";

function follow(args: string[], env: Record<string, string>) {
  return runCliAsync("follow.ts", args, env);
}

describe("npm run follow -- --once", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite();
    const o = site.origin;
    site.routes.set("/a", html(newsPage({ title: "Ceasefire holds in Merrowgate", siteName: "Valley Herald", publishedTime: "2026-03-02T08:00:00Z", paragraphs: CEASEFIRE })));
    site.routes.set("/b", html(newsPage({ title: "Talks to open on Thursday", siteName: "Valley Herald", publishedTime: "2026-03-03T08:00:00Z", paragraphs: TALKS })));
    site.routes.set(
      "/atom.xml",
      feed(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Herald</title><id>urn:vh</id><updated>2026-03-02T08:00:00Z</updated><entry><title>Ceasefire holds</title><id>urn:vh:a</id><link href="${o}/a"/><updated>2026-03-02T08:00:00Z</updated></entry></feed>`, "application/atom+xml"),
    );
    site.routes.set("/feed.json", feed(JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "Wire", items: [{ id: "w-b", url: `${o}/b`, title: "Talks" }] }), "application/feed+json"));
  });
  afterAll(() => site.close());

  it("prints one JSON line per item with exactly the specified fields, exit 0; a second pass ingests nothing", async () => {
    const o = site.origin;
    const { dataDir, stateFile } = minimalStory([{ url: `${o}/atom.xml` }, { url: `${o}/feed.json` }]);
    const env = { DATA_DIR: dataDir, STATE_DB: stateFile, FOLLOW_CONTACT: CONTACT };
    const first = await follow(["--once"], env);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const lines = first.stdout.trim().split("\n");
    expect(lines).toEqual([
      JSON.stringify({ story: "lorrin-valley", feed: `${o}/atom.xml`, url: `${o}/a`, outcome: "ingested", reason: 'mentions "Lorrin Valley"', article: "2026-03-02-ceasefire-holds-in-merrowgate" }),
      JSON.stringify({ story: "lorrin-valley", feed: `${o}/feed.json`, url: `${o}/b`, outcome: "ingested", reason: 'mentions "Lorrin Valley"', article: "2026-03-03-talks-to-open-on-thursday" }),
    ]);
    const second = await follow(["--once", "--story", "lorrin-valley"], env);
    expect(second.status).toBe(0);
    expect(second.stdout.trim().split("\n").map((l) => JSON.parse(l).outcome)).toEqual(["seen", "seen"]);
    expect(JSON.parse(second.stdout.split("\n")[0]!).reason).toMatch(/^feed unchanged \(HTTP 304\); ingested earlier/);
  }, 240_000);

  it("names a broken sources.json and exits 1, after following the other stories", async () => {
    const o = site.origin;
    const { dataDir, stateFile } = minimalStory([{ url: `${o}/atom.xml` }]);
    const broken = path.join(dataDir, "stories", "broken-story");
    mkdirSync(broken, { recursive: true });
    writeFileSync(path.join(broken, "story.json"), JSON.stringify({ id: "broken-story", title: "Broken", keywords: ["x"] }));
    writeFileSync(path.join(broken, "sources.json"), JSON.stringify({ feeds: [{ url: "gopher://old.example/feed" }] }));
    const run = await follow(["--once"], { DATA_DIR: dataDir, STATE_DB: stateFile });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`follow: ${path.join(path.resolve(broken), "sources.json")}: feeds[0].url: expected an http(s) feed URL\n`);
    expect(run.stdout.trim().split("\n").map((l) => JSON.parse(l).outcome)).toEqual(["ingested"]);

    const usage = await follow(["--once", "--story", "../etc"], { DATA_DIR: dataDir, STATE_DB: stateFile });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^follow: "\.\.\/etc" is not a story id/);
    const missing = await follow(["--once", "--story", "no-such-story"], { DATA_DIR: dataDir, STATE_DB: stateFile });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no-such-story\/sources\.json: no such file/);
  }, 240_000);
});
