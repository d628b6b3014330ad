import type { StateDb } from "../digest/state-db.js";
import type { Validators } from "./polite-fetch.js";

export type ItemOutcome = "ingested" | "duplicate" | "off-topic" | "failed";

export interface FeedRow {
  etag: string | null;
  lastModified: string | null;
  /** Epoch ms: the loop polls the feed again from then on. */
  nextPollAt: number;
  /** Epoch ms: a Retry-After the server asked for; even a forced pass waits for it. */
  retryAfterAt: number | null;
  failures: number;
  /** The item keys of the feed's last full answer, to list on a 304. */
  lastItems: string[];
}

export interface ItemRow {
  feedUrl: string;
  itemKey: string;
  url: string;
  outcome: ItemOutcome;
  reason: string;
  articleId: string | null;
  attempts: number;
  nextTryAt: number | null;
  gaveUp: boolean;
}

/** What the follower remembers per story and feed, in the state database (see state-db.ts). */
export function followState(db: StateDb) {
  const getFeed = db.prepare<[string, string], { etag: string | null; last_modified: string | null; next_poll_at: number; retry_after_at: number | null; failures: number; last_items: string }>(
    "SELECT etag, last_modified, next_poll_at, retry_after_at, failures, last_items FROM follow_feeds WHERE story_id = ? AND url = ?",
  );
  const putFeed = db.prepare(
    `INSERT INTO follow_feeds (story_id, url, etag, last_modified, next_poll_at, retry_after_at, failures, last_status, last_polled_at, last_items)
     VALUES (@story, @url, @etag, @lastModified, @nextPollAt, @retryAfterAt, @failures, @status, @polledAt, @lastItems)
     ON CONFLICT (story_id, url) DO UPDATE SET etag = @etag, last_modified = @lastModified, next_poll_at = @nextPollAt,
       retry_after_at = @retryAfterAt, failures = @failures, last_status = @status, last_polled_at = @polledAt, last_items = @lastItems`,
  );
  const getItem = db.prepare<[string, string, string], RawItem>("SELECT * FROM follow_items WHERE story_id = ? AND feed_url = ? AND item_key = ?");
  const itemsOfFeed = db.prepare<[string, string], RawItem>("SELECT * FROM follow_items WHERE story_id = ? AND feed_url = ? ORDER BY first_seen_at, rowid");
  const guidElsewhere = db.prepare<[string, string, string], RawItem>("SELECT * FROM follow_items WHERE story_id = ? AND item_key = ? AND feed_url <> ? LIMIT 1");
  const byUrl = db.prepare<[string, string], { item_url: string }>("SELECT item_url FROM follow_urls WHERE story_id = ? AND url = ?");
  const putUrl = db.prepare("INSERT OR IGNORE INTO follow_urls (story_id, url, item_url) VALUES (?, ?, ?)");
  const fingerprints = db.prepare<[string], { url: string; simhash: string }>("SELECT url, simhash FROM follow_items WHERE story_id = ? AND simhash IS NOT NULL");
  const putItem = db.prepare(
    `INSERT INTO follow_items (story_id, feed_url, item_key, url, outcome, reason, article_id, simhash, attempts, next_try_at, gave_up, first_seen_at, updated_at)
     VALUES (@story, @feedUrl, @itemKey, @url, @outcome, @reason, @articleId, @simhash, @attempts, @nextTryAt, @gaveUp, @now, @now)
     ON CONFLICT (story_id, feed_url, item_key) DO UPDATE SET url = @url, outcome = @outcome, reason = @reason, article_id = @articleId,
       simhash = @simhash, attempts = @attempts, next_try_at = @nextTryAt, gave_up = @gaveUp, updated_at = @now`,
  );

  return {
    feed(story: string, url: string): FeedRow | undefined {
      const row = getFeed.get(story, url);
      return row && { etag: row.etag, lastModified: row.last_modified, nextPollAt: row.next_poll_at, retryAfterAt: row.retry_after_at, failures: row.failures, lastItems: JSON.parse(row.last_items) as string[] };
    },
    saveFeed(story: string, url: string, row: FeedRow & { status: string; polledAt: number }): void {
      putFeed.run({ story, url, ...row, lastItems: JSON.stringify(row.lastItems) });
    },
    validators(row: FeedRow | undefined): Validators {
      return { ...(row?.etag ? { etag: row.etag } : {}), ...(row?.lastModified ? { lastModified: row.lastModified } : {}) };
    },
    item(story: string, feedUrl: string, itemKey: string): ItemRow | undefined {
      const row = getItem.get(story, feedUrl, itemKey);
      return row && toItem(row);
    },
    items(story: string, feedUrl: string): ItemRow[] {
      return itemsOfFeed.all(story, feedUrl).map(toItem);
    },
    /** The same GUID already met in another of the story's feeds. */
    sameGuid(story: string, feedUrl: string, itemKey: string): ItemRow | undefined {
      const row = guidElsewhere.get(story, itemKey, feedUrl);
      return row && toItem(row);
    },
    /** The item that first brought a page to this story, by any canonical address it had. */
    knownUrl(story: string, url: string): string | undefined {
      return byUrl.get(story, url)?.item_url;
    },
    fingerprints(story: string): { url: string; simhash: string }[] {
      return fingerprints.all(story);
    },
    saveItem(story: string, item: ItemRow & { simhash?: string; urls: string[] }, now: number): void {
      db.transaction(() => {
        putItem.run({
          story,
          feedUrl: item.feedUrl,
          itemKey: item.itemKey,
          url: item.url,
          outcome: item.outcome,
          reason: item.reason,
          articleId: item.articleId,
          simhash: item.simhash ?? null,
          attempts: item.attempts,
          nextTryAt: item.nextTryAt,
          gaveUp: item.gaveUp ? 1 : 0,
          now,
        });
        for (const url of item.urls) putUrl.run(story, url, item.url);
      })();
    },
  };
}

export type FollowState = ReturnType<typeof followState>;

interface RawItem {
  feed_url: string;
  item_key: string;
  url: string;
  outcome: ItemOutcome;
  reason: string;
  article_id: string | null;
  attempts: number;
  next_try_at: number | null;
  gave_up: number;
}

function toItem(row: RawItem): ItemRow {
  return {
    feedUrl: row.feed_url,
    itemKey: row.item_key,
    url: row.url,
    outcome: row.outcome,
    reason: row.reason,
    articleId: row.article_id,
    attempts: row.attempts,
    nextTryAt: row.next_try_at,
    gaveUp: row.gave_up === 1,
  };
}
