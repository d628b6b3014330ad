import { describe, expect, it } from "vitest";
import { canonicalUrl } from "../../src/follow/canonical-url.js";
import { decodeHtml, pageToArticle } from "../../src/follow/page-to-article.js";
import { readFeed } from "../../src/follow/parse-feed.js";
import { allowedFrom } from "../../src/follow/public-address.js";
import { judgeRelevance } from "../../src/follow/relevance.js";
import { NEAR_DUPLICATE_BITS, hammingDistance, simhash } from "../../src/follow/simhash.js";
import { SourcesError, readSources } from "../../src/follow/sources-file.js";
import { storySchema } from "../../src/core/schema.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BRIDGE, CEASEFIRE, LATIN1, TALKS, newsPage } from "./fixture-pages.js";

describe("feeds", () => {
  it("reads RSS 2.0, Atom and JSON Feed items alike", () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://a.example/</link><description>d</description>
      <item><title>One</title><link>https://a.example/1</link><guid>g-1</guid><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>
      <item><title>No guid</title><link>https://a.example/2</link></item></channel></rss>`;
    expect(readFeed(rss)).toEqual([{ guid: "g-1", link: "https://a.example/1", title: "One", date: "2026-03-03" }, { link: "https://a.example/2", title: "No guid" }]);
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:feed</id><updated>2026-03-03T10:00:00Z</updated>
      <entry><title type="html">Two &amp; more</title><id>urn:entry:2</id><link rel="alternate" href="https://b.example/2"/><link rel="edit" href="https://b.example/edit/2"/><published>2026-03-03T09:00:00Z</published><updated>2026-03-04T09:00:00Z</updated></entry></feed>`;
    expect(readFeed(atom)).toEqual([{ guid: "urn:entry:2", link: "https://b.example/2", title: "Two & more", date: "2026-03-03" }]);
    const json = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "T", items: [{ id: "j-3", url: "https://c.example/3", title: "Three", content_text: "x", date_published: "2026-03-05T01:00:00+02:00" }] });
    expect(readFeed(json)).toEqual([{ guid: "j-3", link: "https://c.example/3", title: "Three", date: "2026-03-05" }]);
    expect(() => readFeed("<html><body>not a feed</body></html>")).toThrow(/not an RSS, Atom or JSON feed/);
  });

  it("decodes a feed in the encoding its XML declaration names", () => {
    const bytes = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>T</title><link>https://a.example/</link><description>d</description><item><title>Café Zoë</title><link>https://a.example/1</link></item></channel></rss>`, "latin1");
    expect(readFeed(decodeHtml(bytes, "application/rss+xml"))[0]!.title).toBe("Café Zoë");
  });

  it("lets a feed's items and redirects reach only public addresses, or the feed's own host", async () => {
    const feedUrl = "http://127.0.0.1:8080/rss";
    expect(await allowedFrom(feedUrl, new URL("http://127.0.0.1:8080/page"))).toBe(true);
    for (const target of ["http://localhost:8080/admin", "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://[::1]/", "http://192.168.0.1/", "http://[::ffff:127.0.0.1]/"]) {
      expect(await allowedFrom(feedUrl, new URL(target)), target).toBe(false);
    }
    expect(await allowedFrom(feedUrl, new URL("http://93.184.215.14/"))).toBe(true);
  });
});

describe("pages", () => {
  it("keeps the article's paragraphs and drops navigation, banners, ads, share bars, newsletter and related boxes and footers", () => {
    const page = pageToArticle(newsPage({ title: "Ceasefire holds", ogTitle: "Ceasefire holds in Merrowgate", siteName: "Valley Herald", publishedTime: "2026-03-02T08:00:00Z", canonical: "/news/x?id=1", paragraphs: CEASEFIRE }), "https://herald.example/news/x?id=1&utm_source=feed");
    expect(page).toMatchObject({ title: "Ceasefire holds in Merrowgate", date: "2026-03-02", siteName: "Valley Herald", canonicalUrl: "https://herald.example/news/x?id=1" });
    expect(page.text.split("\n\n")).toEqual(CEASEFIRE);
  });

  it("takes the title from the h1 and the date from <time datetime> or JSON-LD when there is no meta", () => {
    expect(pageToArticle(newsPage({ title: "Talks to open on Thursday", timeDatetime: "2026-03-03T09:00:00Z", paragraphs: TALKS }), "https://x.example/a")).toMatchObject({ title: "Talks to open on Thursday", date: "2026-03-03" });
    const jsonLd = pageToArticle(newsPage({ title: "Bridge repairs", jsonLdDate: "2026-03-04T07:30:00+01:00", paragraphs: BRIDGE }), "https://x.example/b");
    expect(jsonLd.date).toBe("2026-03-04");
    expect(jsonLd.text).toContain("Engineers began repairing");
  });

  it("decodes Latin-1 declared in <meta> or in the header, and UTF-8 by default", () => {
    const latin1 = Buffer.from(newsPage({ title: "Retour", charsetMeta: "iso-8859-1", paragraphs: LATIN1 }), "latin1");
    const text = pageToArticle(decodeHtml(latin1, "text/html"), "https://x.example/").text;
    expect(text).toContain("café Château Rouge");
    expect(text).toContain("Hélène Sørensen");
    expect(decodeHtml(Buffer.from("<p>Zoë</p>", "latin1"), "text/html; charset=ISO-8859-1")).toBe("<p>Zoë</p>");
    expect(decodeHtml(Buffer.from("<p>Zoë</p>", "utf8"), "text/html")).toBe("<p>Zoë</p>");
    expect(decodeHtml(Buffer.from("<p>Zoë</p>", "utf8"), "text/html; charset=x-made-up")).toBe("<p>Zoë</p>");
  });
});

describe("duplicates and relevance", () => {
  it("strips tracking parameters, fragments and default ports, and refuses other schemes", () => {
    expect(canonicalUrl("HTTPS://Herald.Example:443/news/x/?utm_source=rss&b=2&a=1&fbclid=z#top")).toBe("https://herald.example/news/x?a=1&b=2");
    expect(canonicalUrl("/news/y?gclid=1", "http://h.example/feed")).toBe("http://h.example/news/y");
    expect(canonicalUrl("javascript:alert(1)")).toBeUndefined();
    expect(canonicalUrl("ftp://h.example/file")).toBeUndefined();
  });

  it("finds a syndicated copy with small edits near, and another article on the same story far", () => {
    const original = simhash(CEASEFIRE.join("\n\n"))!;
    const copy = simhash(`${CEASEFIRE.join("\n\n").replace("on Monday", "on Monday morning")}\n\nThis article was first published by the Valley Herald.`)!;
    expect(hammingDistance(original, copy)).toBeLessThanOrEqual(NEAR_DUPLICATE_BITS);
    for (const other of [TALKS, BRIDGE]) expect(hammingDistance(original, simhash(other.join("\n\n"))!)).toBeGreaterThan(NEAR_DUPLICATE_BITS * 2 + 4);
    expect(simhash("Too short to fingerprint.")).toBeUndefined();
  });

  it("keeps an article that names a keyword or two known people, and calls the rest off-topic", () => {
    const story = storySchema.parse({ id: "lorrin-valley", title: "T", keywords: ["Lorrin Valley"], people: [{ id: "alina-brask", name: "Alina Brask" }, { id: "teo-varga", name: "Teo Varga", aliases: ["Colonel Varga"] }] });
    expect(judgeRelevance(story, [], "Fighting in the LORRIN valley.")).toEqual({ relevant: true, reason: 'mentions "Lorrin Valley"' });
    expect(judgeRelevance(story, ["Merrowgate"], "News from Merrowgate.").relevant).toBe(true);
    expect(judgeRelevance(story, [], "Alina Brask met Colonel Varga.")).toEqual({ relevant: true, reason: "names Alina Brask, Teo Varga" });
    expect(judgeRelevance(story, [], "Alina Brask went to a bake sale.").relevant).toBe(false);
    expect(judgeRelevance(story, [], "The valley lorrinvalley.").relevant).toBe(false);
  });
});

describe("sources.json and the minimal story.json", () => {
  it("a minimal story.json is valid, and existing stories keep validating", () => {
    expect(storySchema.parse({ id: "lorrin-valley", title: "The Lorrin Valley war", keywords: ["Lorrin Valley", "Merrowgate"] })).toMatchObject({ parties: [], people: [], topics: [] });
  });

  it("names the file and the field of a broken sources.json", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "storyline-sources-"));
    const file = path.join(dir, "sources.json");
    writeFileSync(file, JSON.stringify({ feeds: [{ url: "https://ok.example/rss" }, { url: "file:///etc/passwd" }] }));
    await expect(readSources(file)).rejects.toThrow(new SourcesError(`${file}: feeds[1].url: expected an http(s) feed URL`));
    writeFileSync(file, JSON.stringify({ feeds: [{ url: "https://ok.example/rss", keywords: [""] }], extra: 1 }));
    await expect(readSources(file)).rejects.toThrow(/feeds\[0\]\.keywords\[0\]: expected non-empty text/);
    writeFileSync(file, "{ feeds: ");
    await expect(readSources(file)).rejects.toThrow(/sources\.json: not valid JSON/);
    expect(await readSources(path.join(dir, "none.json"))).toBeUndefined();
  });
});
