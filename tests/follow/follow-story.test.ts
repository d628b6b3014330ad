import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/core/build-catalog.js";
import { readDataFiles } from "../../src/data/read-data-files.js";
import { type FixtureSite, feed, html, startFixtureSite } from "./fixture-site.js";
import { BRIDGE, CEASEFIRE, LATIN1, MOVED, OFF_TOPIC, RETRIED, TALKS, newsPage } from "./fixture-pages.js";
import { CONTACT, harness, minimalStory, outcomes } from "./follow-helpers.js";

/**
 * The "Done when": a story that starts from a minimal story.json and one feed fills
 * itself in two passes, and a third pass gets a 304 and ingests nothing.
 */
describe("following one feed into a minimal story", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite();
    const o = site.origin;
    const r = site.routes;
    r.set("/news/ceasefire-holds", html(newsPage({ title: "Ceasefire holds in Merrowgate", ogTitle: "Ceasefire holds in Merrowgate for a third day", siteName: "Valley Herald", publishedTime: "2026-03-02T08:00:00Z", canonical: `${o}/news/ceasefire-holds`, paragraphs: CEASEFIRE })));
    r.set("/news/talks-resume", html(newsPage({ title: "Second round of Lorrin Valley talks to open on Thursday", siteName: "Valley Herald", timeDatetime: "2026-03-03T09:00:00Z", paragraphs: TALKS })));
    r.set("/news/bridge", html(newsPage({ title: "Both sides start repairing the railway bridge", siteName: "Valley Herald", jsonLdDate: "2026-03-04T07:30:00+01:00", paragraphs: BRIDGE })));
    // Latin-1 bytes, declared only in <meta>: the header names no charset.
    r.set("/news/retour", (_q, res) => {
      res.writeHead(200, { "content-type": "text/html" }).end(Buffer.from(newsPage({ title: "Families return to the valley", charsetMeta: "iso-8859-1", siteName: "Le Courrier du Val", publishedTime: "2026-03-01T10:00:00Z", paragraphs: LATIN1 }), "latin1"));
    });
    r.set("/news/fund", (_q, res, call) => {
      if (call === 1) res.writeHead(500, { "content-type": "text/plain" }).end("oops");
      else res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(newsPage({ title: "Council approves a reconstruction fund", siteName: "Valley Herald", publishedTime: "2026-03-01T18:00:00Z", paragraphs: RETRIED }));
    });
    r.set("/news/schools", (_q, res) => res.writeHead(301, { location: "/news/schools-reopen" }).end());
    r.set("/news/schools-reopen", html(newsPage({ title: "Valley schools reopen", siteName: "Valley Herald", publishedTime: "2026-03-02T06:00:00Z", paragraphs: MOVED })));
    // The wire copy: the same story on a partner site, other furniture, no canonical link.
    r.set("/partner/wire-ceasefire", html(newsPage({ title: "Ceasefire in the Lorrin Valley holds", siteName: "Partner Daily", publishedTime: "2026-03-02T09:00:00Z", paragraphs: [...CEASEFIRE, "This article was first published by the Valley Herald."] })));
    r.set("/news/bake-sale", html(newsPage({ title: "Bake sale breaks its record", siteName: "Hartwell Gazette", publishedTime: "2026-03-02T12:00:00Z", paragraphs: OFF_TOPIC })));
    r.set("/news/slow", () => {
      // Never answers: the request must time out.
    });
    r.set("/news/huge", (_q, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<html><body>${"<p>Merrowgate filler text. </p>".repeat(20_000)}</body></html>`);
    });
    r.set("/files/report.pdf", (_q, res) => res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7 Lorrin Valley"));

    const item = (guid: string, link: string, title: string, date: string) =>
      `<item><title>${title}</title><link>${link}</link><guid isPermaLink="false">${guid}</guid><pubDate>${new Date(date).toUTCString()}</pubDate><description>${title}</description></item>`;
    // Newest first, as feeds list them.
    const v1Items = [
      item("lv-14", `${o.replace("127.0.0.1", "localhost")}/admin`, "Lorrin Valley admin", "2026-03-02T17:00:00Z"),
      item("lv-13", "ftp://files.example/lorrin.txt", "Lorrin Valley archive", "2026-03-02T16:00:00Z"),
      item("lv-12", `${o}/files/report.pdf`, "Merrowgate report (PDF)", "2026-03-02T15:00:00Z"),
      item("lv-11", `${o}/news/huge`, "Merrowgate live blog", "2026-03-02T14:00:00Z"),
      item("lv-10", `${o}/news/slow`, "Merrowgate slow page", "2026-03-02T13:00:00Z"),
      item("lv-9", `${o}/news/bake-sale`, "Bake sale breaks its record", "2026-03-02T12:00:00Z"),
      item("lv-8", `${o}/news/talks-resume?utm_source=newsletter&utm_campaign=am`, "Talks to open on Thursday (newsletter)", "2026-03-02T11:00:00Z"),
      item("lv-7", `${o}/partner/wire-ceasefire?utm_source=rss&utm_medium=feed&fbclid=abc`, "Ceasefire in the Lorrin Valley holds", "2026-03-02T10:00:00Z"),
      item("lv-6", `${o}/news/schools`, "Valley schools reopen", "2026-03-02T07:00:00Z"),
      item("lv-5", `${o}/news/fund`, "Council approves a reconstruction fund", "2026-03-01T18:00:00Z"),
      item("lv-4", `${o}/news/retour`, "Families return to the valley", "2026-03-01T10:00:00Z"),
      item("lv-2", `${o}/news/talks-resume`, "Second round of talks", "2026-03-01T09:00:00Z"),
      item("lv-1", `${o}/news/ceasefire-holds`, "Ceasefire holds", "2026-03-01T08:00:00Z"),
    ];
    const rss = (items: string[]) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Valley Herald: World</title><link>${o}/</link><description>World news</description>${items.join("")}</channel></rss>`;
    const v1 = feed(rss(v1Items), "application/rss+xml; charset=utf-8", '"v1"', "Mon, 02 Mar 2026 16:00:00 GMT");
    const v2 = feed(rss([item("lv-3", `${o}/news/bridge`, "Both sides start repairing the railway bridge", "2026-03-04T06:30:00Z"), ...v1Items]), "application/rss+xml; charset=utf-8", '"v2"', "Wed, 04 Mar 2026 07:00:00 GMT");
    r.set("/world.rss", (q, res, call) => (call === 1 ? v1 : v2)(q, res, call));
  });
  afterAll(() => site.close());

  it("fills itself in two passes; the third gets a 304 and ingests nothing", async () => {
    const o = site.origin;
    const { dataDir, stateFile, storyDir } = minimalStory([{ url: `${o}/world.rss` }]);
    const first = harness(dataDir, stateFile);

    const pass1 = await first.pass();
    expect(pass1.problems).toEqual([]);
    expect(outcomes(pass1.lines)).toEqual({
      "/news/ceasefire-holds": "ingested",
      "/news/talks-resume": "ingested",
      "/news/retour": "ingested",
      "/news/fund": "failed",
      "/news/schools": "ingested",
      "/partner/wire-ceasefire?utm_source=rss&utm_medium=feed&fbclid=abc": "duplicate",
      "/news/talks-resume?utm_source=newsletter&utm_campaign=am": "duplicate",
      "/news/bake-sale": "off-topic",
      "/news/slow": "failed",
      "/news/huge": "failed",
      "/files/report.pdf": "failed",
      "/lorrin.txt": "failed",
      "/admin": "failed",
    });
    const reason = (lines: typeof pass1.lines, p: string) => lines.find((l) => l.url.includes(p))!.reason;
    expect(reason(pass1.lines, "/news/fund")).toBe("HTTP 500; try 1 of 5");
    expect(reason(pass1.lines, "/news/slow")).toBe("no answer within 2 s; try 1 of 5");
    expect(reason(pass1.lines, "/news/huge")).toMatch(/over the 100000-byte limit/);
    expect(reason(pass1.lines, "report.pdf")).toBe("not an HTML page (application/pdf)");
    expect(reason(pass1.lines, "ftp://")).toMatch(/^not an http\(s\) address/);
    expect(reason(pass1.lines, "/admin")).toBe("a private or local network address");
    expect(site.hits("/admin")).toBe(0);
    expect(reason(pass1.lines, "/partner/")).toBe(`nearly the same text as ${o}/news/ceasefire-holds`);
    expect(reason(pass1.lines, "utm_campaign")).toBe(`same address as ${o}/news/talks-resume`);
    expect(reason(pass1.lines, "bake-sale")).toMatch(/^none of the keywords \(Lorrin Valley, Merrowgate\)/);
    for (const line of pass1.lines) {
      expect(Object.keys(line)).toEqual(["story", "feed", "url", "outcome", "reason", "article"]);
      expect(line.story).toBe("lorrin-valley");
      expect(line.feed).toBe(`${o}/world.rss`);
      expect(line.article === null).toBe(line.outcome !== "ingested");
    }
    expect(readdirSync(path.join(storyDir, "articles"))).toHaveLength(4);

    // A restart between passes: a new handle on the same state file.
    first.db.close();
    const second = harness(dataDir, stateFile);
    second.clock.now += 20 * 60_000;
    const pass2 = await second.pass();
    expect(outcomes(pass2.lines)).toMatchObject({
      "/news/bridge": "ingested",
      "/news/fund": "ingested",
      "/news/slow": "failed",
      "/news/ceasefire-holds": "seen",
      "/news/bake-sale": "seen",
      "/news/huge": "seen",
    });
    expect(reason(pass2.lines, "/news/slow")).toBe("no answer within 2 s; try 2 of 5");
    expect(reason(pass2.lines, "/news/bake-sale")).toMatch(/^off-topic earlier/);
    expect(pass2.lines.filter((l) => l.outcome === "ingested")).toHaveLength(2);
    expect(readdirSync(path.join(storyDir, "articles"))).toHaveLength(6);

    const feedRequests = site.requests.length;
    const pass3 = await second.pass();
    const feedRequest = site.requests.slice(feedRequests).find((r) => r.path === "/world.rss")!;
    expect(feedRequest.ifNoneMatch).toBe('"v2"');
    expect(feedRequest.ifModifiedSince).toBe("Wed, 04 Mar 2026 07:00:00 GMT");
    expect(pass3.lines.filter((l) => l.outcome === "ingested")).toEqual([]);
    expect(pass3.lines.find((l) => l.url.endsWith("/news/ceasefire-holds"))!.reason).toMatch(/^feed unchanged \(HTTP 304\); ingested earlier/);
    expect(readdirSync(path.join(storyDir, "articles"))).toHaveLength(6);
    second.db.close();

    // Every on-topic page fetched once and ingested once; the polite headers on every request.
    for (const page of ["/news/ceasefire-holds", "/news/talks-resume", "/news/retour", "/news/schools-reopen", "/news/bridge", "/news/bake-sale"]) {
      expect(site.hits(page), page).toBe(1);
    }
    expect(site.hits("/news/fund")).toBe(2);
    // Pages are fetched without their tracking parameters.
    expect(site.hits("/partner/wire-ceasefire")).toBe(1);
    expect(site.requests.some((r) => r.path.includes("utm_"))).toBe(false);
    expect(new Set(site.requests.map((r) => r.userAgent))).toEqual(new Set([`Storyline/0.1.0 (+${CONTACT})`]));

    // The story grew from what it followed, and the bot loads it without a problem.
    const { catalog, problems } = buildCatalog(await readDataFiles(dataDir));
    expect(problems).toEqual([]);
    const story = catalog.stories.find((s) => s.id === "lorrin-valley")!;
    expect(story.articles).toHaveLength(6);
    expect(story.people.map((p) => p.name)).toEqual(expect.arrayContaining(["Alina Brask", "Mara Ostel"]));
    const storyJson = JSON.parse(readFileSync(path.join(storyDir, "story.json"), "utf8"));
    expect(storyJson.keywords).toEqual(["Lorrin Valley", "Merrowgate"]);

    const ceasefire = story.articles.find((a) => a.source.url === `${o}/news/ceasefire-holds`)!;
    expect(ceasefire).toMatchObject({ title: "Ceasefire holds in Merrowgate for a third day", date: "2026-03-02", source: { name: "Valley Herald" } });
    expect(story.articles.find((a) => a.source.url === `${o}/news/talks-resume`)).toMatchObject({ date: "2026-03-03", title: "Second round of Lorrin Valley talks to open on Thursday" });
    expect(story.articles.find((a) => a.source.url === `${o}/news/bridge`)).toMatchObject({ date: "2026-03-04" });
    expect(story.articles.find((a) => a.source.url === `${o}/news/schools-reopen`)).toMatchObject({ title: "Valley schools reopen" });
    const retour = story.articles.find((a) => a.source.url === `${o}/news/retour`)!;
    expect(retour.source.name).toBe("Le Courrier du Val");
    expect(story.quotes.some((q) => q.article.id === retour.id && q.text.includes("Nous rentrons chez nous"))).toBe(true);
    expect(JSON.stringify(story.people)).toContain("Hélène Sørensen");
    const all = readdirSync(path.join(storyDir, "articles")).map((f) => readFileSync(path.join(storyDir, "articles", f), "utf8")).join("\n");
    expect(all).not.toMatch(/cookie|newsletter|ADVERTISEMENT|Related stories|rights reserved|\uFFFD/i);
  }, 60_000);
});
