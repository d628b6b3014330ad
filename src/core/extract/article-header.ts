import { paragraphSpans } from "./paragraphs.js";
import type { Span } from "./spans.js";

/** What an article says about itself before and around its body. */
export interface ArticleHeader {
  title?: string;
  date?: string;
  dateline?: string;
  /** Publisher named in a dateline like "KYIV (Reuters) —" or a "Source:" line. */
  source?: string;
  /** Section headings: short lines between paragraphs. */
  headings: string[];
  /** Characters that belong to the header and must not be read as prose. */
  header: Span[];
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_NAME = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";

/**
 * Reads date, dateline, title and headings. Two layouts are known: the seed's first
 * line (` date 2025-02-09 Washington D.C: text...`) and the plain one (a title line,
 * maybe a date line, then a lead opening with "CITY (Agency) —").
 */
export function readHeader(text: string): ArticleHeader {
  const paragraphs = paragraphSpans(text);
  const header: Span[] = [];
  const headings: string[] = [];
  const result: ArticleHeader = { headings, header };
  let first = 0;

  const seed = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+([^:\n]{1,60}):\s*/i.exec(text);
  if (seed) {
    result.date = seed[1]!;
    result.dateline = tidyDateline(seed[2]!);
    header.push({ start: 0, end: seed[0].length });
  } else {
    for (; first < Math.min(paragraphs.length, 4); first++) {
      const p = paragraphs[first]!;
      const line = text.slice(p.start, p.end);
      const date = parseDate(line);
      if (date && line.length < 80) {
        result.date ??= date;
        header.push(p);
      } else if (/^(source|by|published|updated)\b[:\s]/i.test(line) && line.length < 100) {
        const source = /^source:\s*(.+)$/i.exec(line);
        if (source) result.source = source[1]!.trim();
        header.push(p);
      } else if (result.title === undefined && isHeadingLine(line)) {
        result.title = line.trim();
        header.push(p);
      } else break;
    }
    const lead = paragraphs[first];
    if (lead) {
      const dateline = /^([\p{Lu}][\p{Lu}\p{L} .,'’-]{1,50}?)\s*(?:\(([^)]{1,40})\))?\s*[—–-]{1,2}\s+/u.exec(text.slice(lead.start, lead.end));
      if (dateline && /^[\p{Lu} .,'’-]+(,\s*[\p{L} .]+)?$/u.test(dateline[1]!)) {
        result.dateline = tidyDateline(dateline[1]!);
        if (dateline[2]) result.source ??= dateline[2];
        header.push({ start: lead.start, end: lead.start + dateline[0].length });
      }
    }
  }
  for (const p of paragraphs.slice(first + 1)) {
    const line = text.slice(p.start, p.end);
    if (isHeadingLine(line)) headings.push(line.trim());
  }
  return result;
}

/** A heading is a short line with no closing punctuation that does not open a quotation. */
export function isHeadingLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && trimmed.length <= 100 && !/[.!?:;,"”]$/.test(trimmed) && !/^["“]/.test(trimmed) && /^\p{Lu}/u.test(trimmed);
}

function tidyDateline(raw: string): string {
  const place = raw.trim().replace(/[,\s]+$/, "");
  // "Washington D.C" lost its final period to the colon after it.
  const fixed = /\b\p{Lu}\.\p{Lu}$/u.test(place) ? `${place}.` : place;
  return fixed === fixed.toUpperCase() ? fixed.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase()) : fixed;
}

/** Finds an ISO date or "February 9, 2025" / "9 February 2025" in a line. */
export function parseDate(line: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(line);
  if (iso) return iso[0];
  const us = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, "i").exec(line);
  if (us) return isoDate(us[3]!, us[1]!, us[2]!);
  const eu = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_NAME}\\s+(\\d{4})\\b`, "i").exec(line);
  if (eu) return isoDate(eu[3]!, eu[2]!, eu[1]!);
  return undefined;
}

function isoDate(year: string, month: string, day: string): string | undefined {
  const index = MONTHS.findIndex((m) => m.startsWith(month.toLowerCase().replace(".", "").slice(0, 3)));
  if (index < 0) return undefined;
  return `${year}-${String(index + 1).padStart(2, "0")}-${day.padStart(2, "0")}`;
}
