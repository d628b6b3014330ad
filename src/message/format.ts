import type { Firmness, State } from "../core/schema.js";
import type { ArticleRef, Quote } from "../core/story.js";
import type { EmbedField } from "./payload.js";

/** Shared wording and colours, so every command describes the story the same way. */

export const COLORS = { neutral: 0x5865f2, warning: 0xfee75c, danger: 0xed4245, success: 0x57f287 } as const;

const STATE_LABELS: Record<State, string> = {
  claimed: "Claimed",
  unconfirmed: "Unconfirmed",
  denied: "Denied",
  confirmed: "Confirmed",
  proposed: "Proposed",
  planned: "Planned",
  scheduled: "Scheduled",
  held: "Held",
  agreed: "Agreed",
  "in-effect": "In effect",
  violated: "Violated",
  completed: "Completed",
  cancelled: "Cancelled",
  corrected: "Corrected",
};

export function stateLabel(state: State): string {
  return STATE_LABELS[state];
}

/** The source's name, linked only to an http(s) URL that cannot break out of the link. */
export function sourceLink(article: ArticleRef): string {
  const name = escapeMarkdown(article.source.name);
  const url = safeUrl(article.source.url);
  return url ? `[${name}](${url})` : name;
}

/**
 * An http(s) URL, normalised and with the characters that end or nest a markdown link
 * percent-encoded; undefined for any other scheme, credentials or an unparsable URL.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if ((parsed.protocol !== "http:" && parsed.protocol !== "https:") || parsed.username || parsed.password) return undefined;
  return parsed.href.replace(/[()[\]<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/**
 * The one way story text and user input enter a message: shown as text, never as markup,
 * a link or a mention. Backslash escapes cover inline markdown, masked links, mentions,
 * emoji and timestamps (`<`); line-start markers cover headings, quotes, lists and subtext;
 * `\://` keeps a bare URL from becoming a link; a zero-width space keeps @everyone from
 * looking like one (allowedMentions already stops the ping).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<>]/g, "\\$&")
    .replace(/^(\s*)([#+-]|\d+(?=\.))/gm, (_m, space: string, marker: string) => (/\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`))
    .replace(/:\/\//g, "\\://")
    .replace(/@(everyone|here)/gi, "@\u200b$1");
}

/** Undoes escapeMarkdown, for the console, which shows text as it is. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([^A-Za-z0-9\s])/g, "$1").replace(/@\u200b/g, "@");
}

/** One formatter for every call: toLocaleDateString builds a new one each time, which costs ~0.1 ms. */
const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(isoDate: string): string {
  return DATE_FORMAT.format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * A quote as an embed field: who, what (direct in quotation marks, reported in italics),
 * when and where. `detailed` adds the speaker's role and the quote's context, for /quote;
 * digests keep to the short form.
 */
export function quoteField(q: Quote, options: { detailed?: boolean } = {}): EmbedField {
  const said = q.kind === "direct" ? `“${escapeMarkdown(q.text)}”` : `*${escapeMarkdown(q.text)}* (reported)`;
  const where = `${formatDate(q.date)} · ${sourceLink(q.article)}`;
  if (!options.detailed) return { name: escapeMarkdown(q.speaker.name), value: `${said}\n${where}` };
  const context = q.context ? `\n${escapeMarkdown(q.context)}` : "";
  const name = escapeMarkdown(q.speaker.role ? `${q.speaker.name} · ${q.speaker.role}` : q.speaker.name);
  return { name, value: `${said}${context}\n${where}` };
}

export const FIRMNESS_LABELS: Record<Firmness, string> = { "non-negotiable": "Non-negotiable", firm: "Firm", stated: "Stated" };

/** A Discord timestamp: each reader sees it in their own time zone. */
export function timestamp(date: Date, style: "F" | "f" | "R"): string {
  return `<t:${Math.floor(date.getTime() / 1000)}:${style}>`;
}

/** A channel as Discord shows it (#name), from the id Discord put in a channel option. */
export function channelMention(channelId: string): string {
  return `<#${channelId}>`;
}
