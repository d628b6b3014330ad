import { type Embed, type EmbedField, NO_MENTIONS, type ReplyPayload } from "./payload.js";

/** Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Sum of title, description, field names and values and footer, across a message's embeds. */
  total: 6000,
} as const;

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut a surrogate pair in half, or Discord rejects the payload.
  let cut = max - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/** Joins lines until `max` would be passed, then ends with the label of how many were left out. */
export function joinWithin(lines: readonly string[], max: number, moreLabel: (hidden: number) => string): string {
  const shown: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const more = i < lines.length - 1 ? moreLabel(lines.length - i - 1) : "";
    const next = [...shown, truncate(lines[i]!, max)].join("\n");
    if (next.length + (more ? more.length + 1 : 0) > max) {
      return [...shown, moreLabel(lines.length - i)].join("\n");
    }
    shown.push(truncate(lines[i]!, max));
  }
  return shown.join("\n");
}

export function embedLength(embed: Embed): number {
  const fields = (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + fields + (embed.footer?.text.length ?? 0);
}

export interface ListEmbed {
  title: string;
  description?: string;
  color?: number;
  /** One field per item, in display order; more than fit are left out and counted. */
  items: EmbedField[];
  /** Items beyond `items` that were never rendered (e.g. past the first five). */
  alsoHidden?: number;
  /** "…and N more <noun>". */
  noun: string;
  /** Appended after the "…and N more" line, e.g. how to narrow the search. */
  hint?: string;
  footer?: string;
}

/**
 * Builds an embed that Discord accepts whatever the data holds: every text within its
 * limit, at most 25 fields, 6000 characters in all, ending with "…and N more" when items
 * had to be left out.
 */
export function listEmbed(spec: ListEmbed): Embed {
  const title = truncate(spec.title, EMBED_LIMITS.title);
  const description = spec.description ? truncate(spec.description, EMBED_LIMITS.description) : undefined;
  const footerFor = (hidden: number) => {
    const parts = [hidden > 0 ? `…and ${hidden} more ${spec.noun}${spec.hint ? ` (${spec.hint})` : ""}` : "", spec.footer ?? ""];
    return truncate(parts.filter(Boolean).join(" · "), EMBED_LIMITS.footer);
  };
  const alsoHidden = spec.alsoHidden ?? 0;
  // Reserve room for the longest footer this embed could end with.
  const reserve = footerFor(spec.items.length + alsoHidden).length;
  let used = title.length + (description?.length ?? 0) + reserve;
  const fields: EmbedField[] = [];
  for (const item of spec.items) {
    const field = { ...item, name: truncate(item.name, EMBED_LIMITS.fieldName), value: truncate(item.value, EMBED_LIMITS.fieldValue) };
    if (fields.length === EMBED_LIMITS.fields || used + field.name.length + field.value.length > EMBED_LIMITS.total) break;
    used += field.name.length + field.value.length;
    fields.push(field);
  }
  const footer = footerFor(spec.items.length - fields.length + alsoHidden);
  return {
    title,
    ...(description ? { description } : {}),
    ...(spec.color !== undefined ? { color: spec.color } : {}),
    fields,
    ...(footer ? { footer: { text: footer } } : {}),
  };
}

/**
 * Any embed cut to Discord's limits: each text to its own, at most 25 fields, and 6000 in
 * all, by leaving out the last fields first and then shortening the description.
 */
export function fitEmbed(embed: Embed): Embed {
  const fitted: Embed = { ...embed };
  if (embed.title !== undefined) fitted.title = truncate(embed.title, EMBED_LIMITS.title);
  if (embed.description !== undefined) fitted.description = truncate(embed.description, EMBED_LIMITS.description);
  if (embed.footer) fitted.footer = { text: truncate(embed.footer.text, EMBED_LIMITS.footer) };
  if (embed.fields) {
    fitted.fields = embed.fields
      .slice(0, EMBED_LIMITS.fields)
      .map((f) => ({ ...f, name: truncate(f.name, EMBED_LIMITS.fieldName), value: truncate(f.value, EMBED_LIMITS.fieldValue) }));
    while (fitted.fields.length > 0 && embedLength(fitted) > EMBED_LIMITS.total) fitted.fields.pop();
  }
  const over = embedLength(fitted) - EMBED_LIMITS.total;
  if (over > 0 && fitted.description) fitted.description = truncate(fitted.description, Math.max(1, fitted.description.length - over));
  return fitted;
}

/** Every payload goes through here so none can ping anyone or break a limit, whatever the story text holds. */
export function reply(embed: Embed, options: { ephemeral?: boolean } = {}): ReplyPayload {
  return { embeds: [fitEmbed(embed)], allowedMentions: NO_MENTIONS, ...(options.ephemeral ? { ephemeral: true } : {}) };
}
