import { ButtonStyle, ComponentType } from "discord-api-types/v10";
import type { ActionRow, CommandDeps, Embed, Options, OptionValue, ReplyPayload } from "./command.js";
import { EMBED_LIMITS, truncate } from "../message/limits.js";

/**
 * Long answers in pages with Newer/Older buttons, and no memory on the server: a button's
 * custom_id holds the command, the page it leads to, when the answer was first given and a
 * digest of its options; the options themselves are the last line of the embed's footer
 * (`/quote query:"stop dying"`), read back and checked against the digest on a press. A
 * restart loses nothing, and anyone who sees a public answer can page it.
 */

export const PAGE_SIZE = 5;
/** After this, a press gets a note instead of a page: the answer may be stale by then. */
export const PAGE_TTL_MS = 15 * 60_000;
const PREFIX = "pg";

export interface PageState {
  command: string;
  page: number;
  created: Date;
  digest: string;
}

export function pageId(state: PageState): string {
  return [PREFIX, state.command, state.page, Math.floor(state.created.getTime() / 1000).toString(36), state.digest].join(":");
}

export function parsePageId(customId: string): PageState | undefined {
  const match = /^pg:([\w-]{1,32}):(\d{1,6}):([0-9a-z]{1,10}):([0-9a-z]{1,8})$/.exec(customId);
  if (!match) return undefined;
  return { command: match[1]!, page: Number(match[2]), created: new Date(parseInt(match[3]!, 36) * 1000), digest: match[4]! };
}

export function isExpired(state: PageState, now: Date): boolean {
  return now.getTime() - state.created.getTime() > PAGE_TTL_MS;
}

/** FNV-1a over the command and its options in a fixed order: short, and enough to catch a mismatch. */
export function optionsDigest(command: string, options: Options): string {
  let hash = 0x811c9dc5;
  for (const char of `${command}\u0000${commandLine(command, options)}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** `/quote query:"stop dying" speaker:"Peskov"`: every value quoted, `"` and `\` escaped, names sorted. */
export function commandLine(command: string, options: Options): string {
  const parts = Object.entries(options)
    .filter((entry): entry is [string, OptionValue] => entry[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}:"${String(value).replace(/\s+/g, " ").replace(/[\\"]/g, "\\$&")}"`);
  return [`/${command}`, ...parts].join(" ");
}

/** The options back from a footer's last line, or undefined when it is not a command line for `command`. */
export function readCommandLine(command: string, footer: string | undefined): Record<string, string> | undefined {
  const line = footer?.split("\n").at(-1) ?? "";
  const head = `/${command}`;
  if (!line.startsWith(head)) return undefined;
  const options: Record<string, string> = {};
  const pattern = / ([\w-]{1,32}):"((?:[^"\\]|\\.)*)"/y;
  pattern.lastIndex = head.length;
  while (pattern.lastIndex < line.length) {
    const match = pattern.exec(line);
    if (!match) return undefined;
    options[match[1]!] = match[2]!.replace(/\\(.)/g, "$1");
  }
  return options;
}

/** The page asked for, kept within 1..pages. */
export function currentPage(deps: CommandDeps, pages: number): number {
  return Math.min(Math.max(1, deps.paging?.page ?? 1), Math.max(1, pages));
}

/**
 * Fields split into pages that each fit one embed whole (at most `maxFields`, and `budget`
 * characters of names and values, leaving room for title, description and the paging footer),
 * so no page cuts an item. Fields are cut to Discord's field limits first.
 */
export function packPages<T extends { name: string; value: string }>(fields: readonly T[], budget = 4_500, maxFields = 10): T[][] {
  const pages: T[][] = [[]];
  let used = 0;
  for (const field of fields) {
    const fitted = { ...field, name: truncate(field.name, EMBED_LIMITS.fieldName), value: truncate(field.value, EMBED_LIMITS.fieldValue) };
    const size = fitted.name.length + fitted.value.length;
    const page = pages[pages.length - 1]!;
    if (page.length > 0 && (page.length === maxFields || used + size > budget)) {
      pages.push([fitted]);
      used = size;
    } else {
      page.push(fitted);
      used += size;
    }
  }
  return pages;
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/**
 * Adds paging to a one-embed payload: "Page N of M" and the command line in the footer,
 * and the buttons. Page 1 holds the newest (or best) items, so "Older" leads to page N+1.
 */
export function withPages(payload: ReplyPayload, spec: { command: string; options: Options; page: number; pages: number; deps: CommandDeps }): ReplyPayload {
  if (spec.pages <= 1) return payload;
  const created = spec.deps.paging?.created ?? spec.deps.now();
  const options = Object.fromEntries(Object.entries(spec.options).filter(([name, v]) => v !== undefined && name !== "subcommand"));
  const line = commandLine(spec.command, options);
  const digest = optionsDigest(spec.command, options);
  const [first, ...rest] = payload.embeds;
  const footerText = first?.footer?.text ? `${first.footer.text} · ` : "";
  const pageText = truncate(`${footerText}Page ${spec.page} of ${spec.pages}`, EMBED_LIMITS.footer - line.length - 1);
  const embed: Embed = { ...first, footer: { text: `${pageText}\n${line}` } };
  const button = (label: string, page: number, disabled: boolean) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label,
    custom_id: pageId({ command: spec.command, page, created, digest }),
    ...(disabled ? { disabled: true } : {}),
  });
  const row: ActionRow = {
    type: ComponentType.ActionRow,
    components: [button("◀ Newer", spec.page - 1, spec.page <= 1), button("Older ▶", spec.page + 1, spec.page >= spec.pages)],
  };
  return { ...payload, embeds: [embed, ...rest], components: [row] };
}
