import type { Embed, EmbedField, ReplyPayload } from "../command-kit/command.js";
import { EMBED_LIMITS, embedLength, fitEmbed, joinWithin, truncate } from "../message/limits.js";
import { COLORS, escapeMarkdown, formatDate, quoteField, sourceLink, stateLabel } from "../message/format.js";
import type { DigestContent, ThreadChange } from "../core/digest.js";
import type { Condition } from "../core/story.js";
import { NO_MENTIONS } from "../message/payload.js";

/** Room kept free in each message so the sum of its embeds stays under Discord's 6000. */
const MESSAGE_BUDGET = EMBED_LIMITS.total - 200;
const EMBEDS_PER_MESSAGE = 10;

/**
 * Turns a digest into as many messages as it needs, each one within every embed limit.
 * Nothing is dropped for size: long sections continue in the next embed or message.
 */
export function renderDigest(content: DigestContent, options: { since?: string } = {}): ReplyPayload[] {
  const embeds = (content.kind === "summary" ? summaryEmbeds(content) : changeEmbeds(content, options.since)).map(fitEmbed);
  return packMessages(embeds).map((group) => ({ embeds: group, allowedMentions: NO_MENTIONS }));
}

/** The one line a subscription with quiet:false gets when nothing changed. */
export function nothingChanged(storyTitle: string, since: string | undefined): ReplyPayload {
  return { content: `No changes in ${escapeMarkdown(storyTitle)}${since ? ` since ${since}` : ""}.`, embeds: [], allowedMentions: NO_MENTIONS };
}

function changeEmbeds(content: DigestContent, since: string | undefined): Embed[] {
  const count = content.articles.length;
  const header = `${count} new article${count === 1 ? "" : "s"}${since ? ` since ${since}` : ""}:`;
  const lines = content.articles.map((a) => `• ${escapeMarkdown(a.title)} — ${sourceLink(a)}, ${formatDate(a.date)}`);
  return [
    {
      title: truncate(`What changed · ${escapeMarkdown(content.storyTitle)}`, EMBED_LIMITS.title),
      description: joinWithin([inShortLine(content), header, ...lines], EMBED_LIMITS.description, (n) => `…and ${n} more`),
      color: COLORS.neutral,
    },
    ...section("Threads", content.threads.map(threadField)),
    ...section("New conditions", conditionFields(content.conditions)),
    ...section("Notable quotes", content.quotes.map((q) => quoteField(q)), content.otherQuotes > 0 ? `…and ${content.otherQuotes} more new quotes: try /quote` : undefined),
  ];
}

function summaryEmbeds(content: DigestContent): Embed[] {
  const latest = content.articles[0];
  const description = [
    inShortLine(content),
    "This channel will get a digest of what changes in this story. Where things stand now:",
    `${content.articles.length} article${content.articles.length === 1 ? "" : "s"} so far${latest ? `; latest: ${escapeMarkdown(latest.title)} (${formatDate(latest.date)})` : ""}.`,
  ].join("\n");
  return [
    { title: truncate(`Where things stand · ${escapeMarkdown(content.storyTitle)}`, EMBED_LIMITS.title), description, color: COLORS.neutral },
    ...section("Threads", content.threads.map(threadField)),
    ...section("Latest quotes", content.quotes.map((q) => quoteField(q))),
  ];
}

/** The news first, bold, before the sections: story text inside it is escaped. */
function inShortLine(content: DigestContent): string {
  return truncate(`**In short:** ${escapeMarkdown(content.inShort)}.`, 1000);
}

function threadField(change: ThreadChange): EmbedField {
  const to = stateLabel(change.to.state);
  const topic = escapeMarkdown(change.topic.name);
  const name = !change.from ? `${topic}: ${to}` : change.from.state === change.to.state ? `${topic}: ${to} (updated)` : `${topic}: ${stateLabel(change.from.state)} → ${to}`;
  return { name, value: `${formatDate(change.to.date)} · ${escapeMarkdown(change.to.detail)}` };
}

function conditionFields(conditions: readonly Condition[]): EmbedField[] {
  const groups = new Map<string, Condition[]>();
  for (const c of conditions) {
    const key = escapeMarkdown(c.holder ? `${c.party.name} — ${c.holder.name}` : c.party.name);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups].map(([name, list]) => ({
    name,
    value: joinWithin(list.map((c) => `• ${c.firmness}: ${escapeMarkdown(c.text)} (${formatDate(c.date)})`), EMBED_LIMITS.fieldValue, (n) => `…and ${n} more`),
  }));
}

/** A titled section as one or more embeds: at most 25 fields each, within the message budget. */
function section(title: string, fields: EmbedField[], footer?: string): Embed[] {
  if (fields.length === 0) return [];
  const embeds: Embed[] = [];
  let current: Embed = { title, fields: [], color: COLORS.neutral };
  for (const raw of fields) {
    const field = { name: truncate(raw.name, EMBED_LIMITS.fieldName), value: truncate(raw.value, EMBED_LIMITS.fieldValue) };
    const full = current.fields!.length === EMBED_LIMITS.fields || embedLength(current) + field.name.length + field.value.length > MESSAGE_BUDGET;
    if (full) {
      embeds.push(current);
      current = { title: `${title} (continued)`, fields: [], color: COLORS.neutral };
    }
    current.fields!.push(field);
  }
  if (footer) current.footer = { text: truncate(footer, EMBED_LIMITS.footer) };
  embeds.push(current);
  return embeds;
}

/** Groups embeds into messages of at most 10 embeds and 6000 characters. */
function packMessages(embeds: Embed[]): Embed[][] {
  const messages: Embed[][] = [];
  let current: Embed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (current.length > 0 && (current.length === EMBEDS_PER_MESSAGE || size + length > MESSAGE_BUDGET)) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += length;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}
