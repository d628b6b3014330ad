import type { State } from "../core/schema.js";
import type { ArticleRef } from "../core/story.js";

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

export function sourceLink(article: ArticleRef): string {
  const name = escapeMarkdown(article.source.name);
  return article.source.url ? `[${name}](${article.source.url})` : name;
}

/** Story text is shown as text: Discord markdown in it must not restyle the message. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_~`|[\]])/g, "\\$1").replace(/^(\s*)([>#-])/gm, "$1\\$2");
}

/** One formatter for every call: toLocaleDateString builds a new one each time, which costs ~0.1 ms. */
const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(isoDate: string): string {
  return DATE_FORMAT.format(new Date(`${isoDate}T00:00:00Z`));
}
