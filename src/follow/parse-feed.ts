import { parseFeed } from "feedsmith";

/** What the follower needs of one feed item, whatever the feed's format. */
export interface FeedItem {
  /** The feed's own id for the item (RSS guid, Atom id, JSON Feed id), when it gives one. */
  guid?: string;
  link?: string;
  title?: string;
  /** ISO date (YYYY-MM-DD) the feed gives for the item. */
  date?: string;
}

/** At most this many items are read from one feed, newest first as feeds list them. */
const MAX_ITEMS = 200;

/** RSS 2.0 (and RSS 1.0/RDF), Atom and JSON Feed. Throws with a short reason for anything else. */
export function readFeed(text: string): FeedItem[] {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(text);
  } catch (error) {
    throw new Error(`not an RSS, Atom or JSON feed (${(error as Error).message})`);
  }
  const items: FeedItem[] = [];
  if (parsed.format === "rss" || parsed.format === "rdf") {
    for (const item of parsed.feed.items ?? []) {
      const guid = "guid" in item ? item.guid : undefined;
      const guidValue = typeof guid === "string" ? guid : guid?.value;
      const date = "pubDate" in item ? item.pubDate : undefined;
      items.push(compact({ guid: guidValue, link: item.link, title: item.title, date: isoDate(date ?? item.dc?.dates?.[0]) }));
    }
  } else if (parsed.format === "atom") {
    for (const entry of parsed.feed.entries ?? []) {
      const links = entry.links ?? [];
      const link = links.find((l) => !l.rel || l.rel === "alternate")?.href ?? links[0]?.href;
      items.push(compact({ guid: entry.id, link, title: textOf(entry.title), date: isoDate(entry.published ?? entry.updated) }));
    }
  } else if (parsed.format === "json") {
    for (const item of parsed.feed.items ?? []) {
      items.push(compact({ guid: item.id, link: item.url ?? item.external_url, title: item.title, date: isoDate(item.date_published ?? item.date_modified) }));
    }
  }
  return items.slice(0, MAX_ITEMS);
}

function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "value" in value && typeof value.value === "string") return value.value;
  return undefined;
}

/** The calendar date a timestamp gives, as the publisher wrote it: "2026-03-05T01:00:00+02:00" is the 5th, not UTC's 4th. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== "string" && !(value instanceof Date)) return undefined;
  const written = typeof value === "string" ? /^\s*(\d{4}-\d{2}-\d{2})(?:[T\s]|$)/.exec(value) : null;
  if (written && !Number.isNaN(new Date(written[1]!).getTime())) return written[1];
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

function compact(item: { [K in keyof FeedItem]: unknown }): FeedItem {
  const result: FeedItem = {};
  for (const key of ["guid", "link", "title", "date"] as const) {
    const value = textOf(item[key])?.trim();
    if (value) result[key] = value;
  }
  return result;
}
