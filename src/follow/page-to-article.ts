import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { isoDate } from "./parse-feed.js";

/** A web page read as an article: its text in paragraphs and what the page says about itself. */
export interface PageArticle {
  title?: string;
  /** YYYY-MM-DD, from article:published_time, <time datetime> or JSON-LD. */
  date?: string;
  siteName?: string;
  /** <link rel="canonical">, resolved against the page's address. */
  canonicalUrl?: string;
  /** Paragraphs separated by blank lines. */
  text: string;
}

/**
 * Site furniture that readability alone may keep on a short page: navigation, cookie and
 * consent banners, newsletter and "related" boxes, share bars, ads and footers.
 */
const CLUTTER_TAGS = "script, style, noscript, template, iframe, svg, form, nav, header, footer, aside, dialog, button";
const CLUTTER_ROLES = '[role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="dialog"], [role="alert"], [aria-hidden="true"], [hidden]';
const CLUTTER_NAME = /(^|[\s_-])(cookie|consent|gdpr|banner|newsletter|subscribe|signup|sign-up|related|recommended|promo|advert|ads?|sponsor|share|sharing|social|outbrain|taboola|paywall|modal|popup|breadcrumbs?|comments?|most-read|trending|footer|masthead|menu)([\s_-]|$)/i;

/** Decodes a page's or feed's bytes: BOM, then the Content-Type charset, then a <meta> or <?xml?> one, then UTF-8. */
export function decodeHtml(body: Uint8Array, contentType: string): string {
  const label = bomCharset(body) ?? charsetOf(contentType) ?? metaCharset(body) ?? "utf-8";
  try {
    return new TextDecoder(label).decode(body);
  } catch {
    // An unknown label: UTF-8 is the web's default.
    return new TextDecoder("utf-8").decode(body);
  }
}

export function pageToArticle(html: string, pageUrl: string): PageArticle {
  const { document } = parseHTML(html);
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute("content")?.trim() || undefined;
  const canonicalHref = document.querySelector('link[rel="canonical"]')?.getAttribute("href");
  const h1 = document.querySelector("h1")?.textContent?.trim();
  const title = meta('meta[property="og:title"]') ?? (h1 || undefined) ?? (document.querySelector("title")?.textContent?.trim() || undefined);
  const date =
    isoDate(meta('meta[property="article:published_time"]')) ??
    isoDate(meta('meta[name="article:published_time"]')) ??
    isoDate(document.querySelector("time[datetime]")?.getAttribute("datetime")) ??
    jsonLdDate(document);
  const siteName = meta('meta[property="og:site_name"]');

  for (const element of [...document.querySelectorAll(`${CLUTTER_TAGS}, ${CLUTTER_ROLES}`)]) element.remove();
  for (const element of [...document.querySelectorAll("[class], [id]")]) {
    if (element.tagName === "BODY" || element.tagName === "HTML" || element.tagName === "ARTICLE" || element.tagName === "MAIN") continue;
    if (CLUTTER_NAME.test(`${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`)) element.remove();
  }
  const readable = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  const text = paragraphs(readable?.content ?? "", title);

  let canonicalUrl: string | undefined;
  try {
    if (canonicalHref) canonicalUrl = new URL(canonicalHref, pageUrl).toString();
  } catch {
    canonicalUrl = undefined;
  }
  return { ...(title ? { title: oneLine(title) } : {}), ...(date ? { date } : {}), ...(siteName ? { siteName: oneLine(siteName).slice(0, 100) } : {}), ...(canonicalUrl ? { canonicalUrl } : {}), text };
}

/** The article's blocks as paragraphs, the headline (already the title) left out. */
function paragraphs(contentHtml: string, title: string | undefined): string {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const blocks = [...document.querySelectorAll("p, h2, h3, h4, h5, h6, li, blockquote, pre")].filter(
    (block) => !block.querySelector("p, li, blockquote, pre"),
  );
  const out: string[] = [];
  for (const block of blocks) {
    const line = oneLine(block.textContent ?? "");
    if (line && line !== title && !(out.length === 0 && title && line === oneLine(title))) out.push(line);
  }
  return out.join("\n\n");
}

function jsonLdDate(document: ReturnType<typeof parseHTML>["document"]): string | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = findDate(JSON.parse(script.textContent ?? ""));
      if (found) return found;
    } catch {
      // A broken JSON-LD block is common and says nothing about the article.
    }
  }
  return undefined;
}

function findDate(value: unknown, depth = 0): string | undefined {
  if (depth > 5 || !value || typeof value !== "object") return undefined;
  if (Array.isArray(value)) return value.map((v) => findDate(v, depth + 1)).find(Boolean);
  const record = value as Record<string, unknown>;
  return isoDate(record.datePublished) ?? findDate(record["@graph"], depth + 1);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function charsetOf(contentType: string): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
}

function metaCharset(body: Uint8Array): string | undefined {
  // The charset declaration must sit in the first 1024 bytes (HTML's prescan); ASCII-safe to read as Latin-1.
  const head = Buffer.from(body.subarray(0, 1024)).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
}

function bomCharset(body: Uint8Array): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return "utf-8";
  if (body[0] === 0xfe && body[1] === 0xff) return "utf-16be";
  if (body[0] === 0xff && body[1] === 0xfe) return "utf-16le";
  return undefined;
}
