import { readdir } from "node:fs/promises";
import path from "node:path";
import { extractArticle } from "../core/extract/extract-article.js";
import { UserError } from "../core/errors.js";
import type { StoryFile } from "../core/schema.js";
import { ingestIntoStory, readStoryFile } from "../data/ingest-into-story.js";
import { isStoryId, storyDirOf } from "../data/story-paths.js";
import { canonicalUrl } from "./canonical-url.js";
import type { FeedRow, FollowState, ItemOutcome, ItemRow } from "./follow-state.js";
import { decodeHtml, pageToArticle } from "./page-to-article.js";
import { type FeedItem, readFeed } from "./parse-feed.js";
import { type FetchResult, type FetchSettings, politeFetch } from "./polite-fetch.js";
import { allowedFrom } from "./public-address.js";
import { judgeRelevance } from "./relevance.js";
import { NEAR_DUPLICATE_BITS, hammingDistance, simhash } from "./simhash.js";
import { type Sources, SourcesError, readSources } from "./sources-file.js";

/** One line of `npm run follow -- --once`: what became of one feed item. */
export interface FollowLine {
  story: string;
  feed: string;
  url: string;
  outcome: ItemOutcome | "seen";
  reason: string;
  /** The article id, when this pass ingested the item. */
  article: string | null;
}

export interface FollowSettings {
  dataDir: string;
  state: FollowState;
  fetch: FetchSettings;
  /** The polling interval: feeds are polled about this often, pages retried on its multiples. */
  everyMs: number;
  random(): number;
}

export interface PassOptions {
  /** Only this story. */
  storyId?: string;
  /** Poll every feed and retry every failed page now, as `--once` does; the loop passes false. */
  force: boolean;
  onLine?(line: FollowLine): void;
}

export interface PassResult {
  lines: FollowLine[];
  /** Broken sources.json or story.json files, named down to the field; those stories were skipped. */
  problems: string[];
}

/** A failed page is tried this many times in all, then left with its last reason. */
export const MAX_ATTEMPTS = 5;
const HOUR = 3_600_000;
/** Pages shorter than this (after clutter is gone) are teasers or errors, not articles. */
const MIN_ARTICLE_CHARS = 200;

/**
 * One pass over the followed feeds: each feed fetched conditionally, each new item judged
 * (duplicate, off-topic, failed) before anything is extracted, and each new on-topic article
 * filed with the same ingest path as `npm run ingest`. Every decision is kept in the state
 * database, so a pass after a restart picks up where the last one stopped.
 */
export async function followPass(settings: FollowSettings, options: PassOptions): Promise<PassResult> {
  const result: PassResult = { lines: [], problems: [] };
  const emit = (line: FollowLine) => {
    result.lines.push(line);
    options.onLine?.(line);
  };
  for (const storyId of await followedStories(settings.dataDir, options.storyId)) {
    let followed: { story: StoryFile; sources: Sources } | undefined;
    try {
      followed = await readStory(settings.dataDir, storyId, options.storyId !== undefined);
    } catch (error) {
      if (error instanceof SourcesError || error instanceof UserError) {
        result.problems.push(error.message);
        continue;
      }
      throw error;
    }
    if (!followed) continue;
    let story = followed.story;
    for (const feed of followed.sources.feeds) {
      story = await followFeed(settings, options.force, { story, feedUrl: feed.url, keywords: feed.keywords }, emit);
    }
  }
  return result;
}

async function followedStories(dataDir: string, only: string | undefined): Promise<string[]> {
  if (only !== undefined) {
    storyDirOf(dataDir, only);
    return [only];
  }
  const dirs = await readdir(path.join(dataDir, "stories"), { withFileTypes: true }).catch(() => []);
  return dirs.filter((d) => d.isDirectory() && isStoryId(d.name)).map((d) => d.name).sort();
}

async function readStory(dataDir: string, storyId: string, named: boolean): Promise<{ story: StoryFile; sources: Sources } | undefined> {
  const dir = storyDirOf(dataDir, storyId);
  const sourcesPath = path.join(dir, "sources.json");
  const sources = await readSources(sourcesPath);
  if (!sources) {
    if (named) throw new SourcesError(`${sourcesPath}: no such file; list the story's feeds there, like {"feeds": [{"url": "https://example.org/world.rss"}]}`);
    return undefined;
  }
  const story = await readStoryFile(path.join(dir, "story.json"));
  if (!story) throw new SourcesError(`${path.join(dir, "story.json")}: no such file; a followed story needs at least {"id", "title", "keywords"}`);
  if (story.id !== storyId) throw new SourcesError(`${path.join(dir, "story.json")}: id: "${story.id}" does not match its folder "${storyId}"`);
  return { story, sources };
}

interface FeedContext {
  story: StoryFile;
  feedUrl: string;
  keywords: string[];
}

/** Polls one feed when due (or forced) and handles its items; returns the story as ingesting left it. */
async function followFeed(settings: FollowSettings, force: boolean, context: FeedContext, emit: (line: FollowLine) => void): Promise<StoryFile> {
  const { state } = settings;
  const storyId = context.story.id;
  const now = settings.fetch.now().getTime();
  const row = state.feed(storyId, context.feedUrl);
  const line = (url: string, outcome: FollowLine["outcome"], reason: string, article: string | null = null) =>
    emit({ story: storyId, feed: context.feedUrl, url, outcome, reason, article });
  // The feed's items as last seen, when it did not change; pages due for a retry get their own line.
  const known = (reason: string) => {
    for (const key of row?.lastItems ?? []) {
      const item = state.item(storyId, context.feedUrl, key);
      if (item && !isDue(item, now, force)) line(item.url, "seen", `${reason}; ${describeSeen(item, force)}`);
    }
  };

  if (row?.retryAfterAt && row.retryAfterAt > now) {
    known(`the feed asked us to wait until ${new Date(row.retryAfterAt).toISOString()}`);
    return retryDueItems(settings, force, context, new Set(), line);
  }
  if (!force && row && row.nextPollAt > now) return retryDueItems(settings, force, context, new Set(), line);

  const response = await politeFetch(
    context.feedUrl,
    settings.fetch,
    state.validators(row),
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, */*;q=0.5",
    (url) => allowedFrom(context.feedUrl, url),
  );
  if (response.kind === "failed") {
    saveFeed(settings, context, row, response, now, `failed: ${response.reason}`);
    line(context.feedUrl, "failed", `feed: ${response.reason}`);
    return retryDueItems(settings, force, context, new Set(), line);
  }
  if (response.kind === "not-modified") {
    saveFeed(settings, context, row, response, now, "304");
    known("feed unchanged (HTTP 304)");
    return retryDueItems(settings, force, context, new Set(), line);
  }
  let items: FeedItem[];
  try {
    items = readFeed(decodeHtml(response.body, response.contentType));
  } catch (error) {
    saveFeed(settings, context, row, { ...response, kind: "failed", reason: (error as Error).message, retryable: true }, now, "unreadable");
    line(context.feedUrl, "failed", `feed: ${(error as Error).message}`);
    return retryDueItems(settings, force, context, new Set(), line);
  }
  const keyOf = (item: FeedItem) => {
    const link = item.link ? canonicalUrl(item.link, context.feedUrl) : undefined;
    return item.guid ? `guid:${item.guid}` : link ? `url:${link}` : undefined;
  };
  saveFeed(settings, context, row, response, now, "200", [...new Set(items.map(keyOf).filter((k) => k !== undefined))]);

  const handled = new Set<string>();
  let story = context.story;
  // Oldest first, so a story's articles are filed in the order they were published.
  for (const item of [...items].reverse()) {
    const link = item.link ? canonicalUrl(item.link, context.feedUrl) : undefined;
    const itemKey = keyOf(item);
    if (!itemKey || handled.has(itemKey)) continue;
    handled.add(itemKey);
    const shownUrl = item.link ?? item.guid ?? "";
    const before = state.item(storyId, context.feedUrl, itemKey);
    if (before && !isDue(before, now, force)) {
      line(before.url, "seen", describeSeen(before, force));
      continue;
    }
    if (!before) {
      const other = item.guid && globalGuid(item.guid) ? state.sameGuid(storyId, context.feedUrl, itemKey) : undefined;
      const sameUrl = link ? state.knownUrl(storyId, link) : undefined;
      if (other || sameUrl) {
        const reason = other ? `same feed GUID as ${other.url} in ${other.feedUrl}` : `same address as ${sameUrl}`;
        state.saveItem(storyId, { ...newItem(context.feedUrl, itemKey, shownUrl), outcome: "duplicate", reason, urls: link ? [link] : [] }, now);
        line(shownUrl, "duplicate", reason);
        continue;
      }
    }
    story = await handleSafely(settings, { ...context, story }, item, itemKey, before, line);
  }
  return retryDueItems(settings, force, { ...context, story }, handled, line);
}

/** Failed pages that have left the feed (or whose feed did not change) are retried on their own schedule. */
async function retryDueItems(settings: FollowSettings, force: boolean, context: FeedContext, handled: Set<string>, line: LineFn): Promise<StoryFile> {
  let story = context.story;
  const now = settings.fetch.now().getTime();
  for (const item of settings.state.items(story.id, context.feedUrl)) {
    if (handled.has(item.itemKey) || item.outcome !== "failed" || !isDue(item, now, force)) continue;
    story = await handleSafely(settings, { ...context, story }, { link: item.url }, item.itemKey, item, line);
  }
  return story;
}

/**
 * A GUID that names the item beyond its own feed: a URL, URN or tag URI, or a long opaque id.
 * Short ids ("1", "482") are only unique within their feed, so two feeds may share them.
 */
function globalGuid(guid: string): boolean {
  return guid.includes(":") || guid.length >= 16;
}

type LineFn = (url: string, outcome: FollowLine["outcome"], reason: string, article?: string | null) => void;

function isDue(item: ItemRow, now: number, force: boolean): boolean {
  return item.outcome === "failed" && !item.gaveUp && (force || (item.nextTryAt ?? 0) <= now);
}

function describeSeen(item: ItemRow, force: boolean): string {
  if (item.outcome !== "failed") return `${item.outcome} earlier${item.reason ? ` (${item.reason})` : ""}`;
  if (item.gaveUp) return `failed ${item.attempts} times, not tried again (${item.reason})`;
  return `failed earlier (${item.reason}); next try ${force ? "now" : `after ${new Date(item.nextTryAt ?? 0).toISOString()}`}`;
}

function newItem(feedUrl: string, itemKey: string, url: string): ItemRow {
  return { feedUrl, itemKey, url, outcome: "failed", reason: "", articleId: null, attempts: 0, nextTryAt: null, gaveUp: false };
}

/** One item's trouble (a page the extractor chokes on, a full disk) is that item's failure, not the pass's. */
async function handleSafely(settings: FollowSettings, context: FeedContext, item: FeedItem, itemKey: string, before: ItemRow | undefined, line: LineFn): Promise<StoryFile> {
  try {
    return await handleItem(settings, context, item, itemKey, before, line);
  } catch (error) {
    const attempts = (before?.attempts ?? 0) + 1;
    const gaveUp = attempts >= MAX_ATTEMPTS;
    const url = item.link ?? item.guid ?? "";
    const reason = `could not be filed: ${(error as Error).message}${gaveUp ? `; gave up after ${attempts} tries` : `; try ${attempts} of ${MAX_ATTEMPTS}`}`;
    const now = settings.fetch.now().getTime();
    const nextTryAt = gaveUp ? null : now + Math.max(settings.everyMs, 60_000) * 2 ** (attempts - 1);
    settings.state.saveItem(context.story.id, { ...(before ?? newItem(context.feedUrl, itemKey, url)), url, outcome: "failed", reason, attempts, gaveUp, nextTryAt, urls: [] }, now);
    line(url, "failed", reason);
    return context.story;
  }
}

/** Fetches, judges and (when new and on topic) ingests one item's page. */
async function handleItem(settings: FollowSettings, context: FeedContext, item: FeedItem, itemKey: string, before: ItemRow | undefined, line: LineFn): Promise<StoryFile> {
  const { state } = settings;
  const storyId = context.story.id;
  const shownUrl = item.link ?? item.guid ?? "";
  const base = before ?? newItem(context.feedUrl, itemKey, shownUrl);
  const link = item.link ? canonicalUrl(item.link, context.feedUrl) : undefined;
  const now = () => settings.fetch.now().getTime();
  const record = (outcome: ItemOutcome, reason: string, extra: Partial<ItemRow> & { simhash?: string; urls?: string[] } = {}) => {
    state.saveItem(storyId, { ...base, url: shownUrl, outcome, reason, attempts: base.attempts, nextTryAt: null, gaveUp: false, urls: [], ...extra }, now());
    line(shownUrl, outcome, reason, extra.articleId ?? null);
    return context.story;
  };
  const fail = (reason: string, retryable: boolean, retryAt?: Date) => {
    const attempts = base.attempts + 1;
    const gaveUp = !retryable || attempts >= MAX_ATTEMPTS;
    const backoff = Math.min(Math.max(settings.everyMs, 60_000) * 2 ** (attempts - 1), 24 * HOUR);
    const nextTryAt = gaveUp ? null : Math.max(now() + backoff, retryAt?.getTime() ?? 0);
    const suffix = gaveUp ? (retryable ? `; gave up after ${attempts} tries` : "") : `; try ${attempts} of ${MAX_ATTEMPTS}`;
    return record("failed", `${reason}${suffix}`, { attempts, gaveUp, nextTryAt });
  };

  if (!link) return fail(item.link ? `not an http(s) address: ${clip(item.link)}` : "the item has no link", false);
  const page = await politeFetch(link, settings.fetch, {}, "text/html, application/xhtml+xml;q=0.9, */*;q=0.1", (url) => allowedFrom(context.feedUrl, url));
  if (page.kind !== "ok") return fail(page.kind === "failed" ? page.reason : "HTTP 304 without a conditional request", page.kind === "failed" && page.retryable, page.retryAt);
  const mediaType = page.contentType.split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "text/html" && mediaType !== "application/xhtml+xml") return fail(`not an HTML page (${mediaType || "no Content-Type"})`, false);

  const finalUrl = canonicalUrl(page.url) ?? link;
  const html = decodeHtml(page.body, page.contentType);
  const found = pageToArticle(html, page.url);
  const pageCanonical = (found.canonicalUrl && canonicalUrl(found.canonicalUrl)) || finalUrl;
  const urls = [...new Set([link, finalUrl, pageCanonical])];
  for (const url of urls) {
    const first = url === link ? undefined : state.knownUrl(storyId, url);
    if (first && first !== shownUrl) return record("duplicate", `same page as ${first}`, { urls });
  }
  if (found.text.length < MIN_ARTICLE_CHARS) return fail("no article text found on the page", false);

  const relevance = judgeRelevance(context.story, context.keywords, `${found.title ?? item.title ?? ""}\n${found.text}`);
  if (!relevance.relevant) return record("off-topic", relevance.reason, { urls });
  const fingerprint = simhash(found.text);
  if (fingerprint) {
    const near = state.fingerprints(storyId).find((f) => hammingDistance(f.simhash, fingerprint) <= NEAR_DUPLICATE_BITS);
    if (near) return record("duplicate", `nearly the same text as ${near.url}`, { urls });
  }

  const date = found.date ?? item.date ?? settings.fetch.now().toISOString().slice(0, 10);
  const title = headingLike(found.title ?? item.title ?? "");
  const text = [date, ...(title ? [title] : []), found.text].join("\n\n");
  const extracted = extractArticle(text, { fallbackDate: date, story: context.story, ...(found.siteName ? { fallbackSource: found.siteName } : {}) });
  extracted.article.source = { name: found.siteName ?? new URL(pageCanonical).hostname, url: pageCanonical };
  const ingested = await ingestIntoStory(settings.dataDir, storyId, extracted, { onCollision: "new-id" });
  record("ingested", relevance.reason, { articleId: ingested.articleId, urls, ...(fingerprint ? { simhash: fingerprint } : {}) });
  return ingested.story;
}

/** A title the extractor reads as a heading line: capitalised, no end punctuation, at most 100 characters. */
function headingLike(title: string): string {
  let t = title.replace(/^["“'‘\s]+/, "").replace(/[.!?:;,"”\s]+$/, "");
  if (t.length > 100) t = t.slice(0, 100).replace(/\s+\S*$/, "");
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function saveFeed(settings: FollowSettings, context: FeedContext, row: FeedRow | undefined, response: FetchResult, now: number, status: string, lastItems?: string[]): void {
  const failures = response.kind === "failed" ? (row?.failures ?? 0) + 1 : 0;
  const jitter = 0.9 + 0.2 * settings.random();
  // Errors back off exponentially, to six hours; a healthy feed is polled about every FOLLOW_EVERY.
  let next = now + Math.min(settings.everyMs * 2 ** failures, 6 * HOUR) * jitter;
  if (response.maxAgeSeconds !== undefined) next = Math.max(next, now + Math.min(response.maxAgeSeconds * 1000, 24 * HOUR));
  const retryAfterAt = response.retryAt ? Math.min(response.retryAt.getTime(), now + 24 * HOUR) : null;
  if (retryAfterAt) next = Math.max(next, retryAfterAt);
  const validators = response.kind === "failed" ? { etag: row?.etag ?? null, lastModified: row?.lastModified ?? null } : { etag: response.validators.etag ?? row?.etag ?? null, lastModified: response.validators.lastModified ?? row?.lastModified ?? null };
  settings.state.saveFeed(context.story.id, context.feedUrl, { ...validators, nextPollAt: Math.round(next), retryAfterAt, failures, status, polledAt: now, lastItems: lastItems ?? row?.lastItems ?? [] });
}
