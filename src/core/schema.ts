import { z } from "zod";

/**
 * The story data format. Every file under DATA_DIR is validated against these
 * schemas; the TypeScript types are inferred from them so the two cannot drift.
 */

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "expected an id in kebab-case, like \"dmitry-peskov\"" });
const text = z.string().trim().min(1, { error: "expected non-empty text" });
const isoDate = z.iso.date({ error: "expected a date as YYYY-MM-DD" });

/** A real day as YYYY-MM-DD, by the same check the story files pass (2025-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  return isoDate.safeParse(text).success;
}

/**
 * Caps on what is shown as a heading or a list entry: a name fits an autocomplete choice
 * (100, Discord's limit) and a title leaves room in an embed title (256) for a prefix.
 */
export const NAME_MAX = 100;
export const TITLE_MAX = 200;
const name = text.max(NAME_MAX, { error: `expected at most ${NAME_MAX} characters` });
const title = text.max(TITLE_MAX, { error: `expected at most ${TITLE_MAX} characters` });

export const STATES = [
  "claimed",
  "unconfirmed",
  "denied",
  "confirmed",
  "proposed",
  "planned",
  "scheduled",
  "held",
  "agreed",
  "in-effect",
  "violated",
  "completed",
  "cancelled",
  "corrected",
] as const;
export const FIRMNESS = ["non-negotiable", "firm", "stated"] as const;
export const QUOTE_KINDS = ["direct", "reported"] as const;

export const stateSchema = z.enum(STATES);
export const firmnessSchema = z.enum(FIRMNESS);

export const partySchema = z.strictObject({
  id,
  name,
  aliases: z.array(name).default([]),
});

export const personSchema = z.strictObject({
  id,
  name,
  aliases: z.array(name).default([]),
  role: title.optional(),
  /** Party id the person speaks for, when they speak for one. */
  party: id.optional(),
});

export const topicSchema = z.strictObject({
  id,
  name,
  aliases: z.array(name).default([]),
});

/**
 * A list whose items are looked up by id: a repeated id is an error at the second use,
 * not a silent "last one wins".
 */
function listWithUniqueIds<T extends z.ZodType<{ id: string }>>(field: string, item: T) {
  return z.array(item).superRefine((items, ctx) => {
    const first = new Map<string, number>();
    items.forEach((entry, i) => {
      const earlier = first.get(entry.id);
      if (earlier === undefined) first.set(entry.id, i);
      else ctx.addIssue({ code: "custom", path: [i, "id"], message: `duplicate id "${entry.id}": already used by ${field}[${earlier}]` });
    });
  });
}

export const storySchema = z.strictObject({
  id,
  title,
  /** Optional: a story followed from its sources may start from an id, a title and keywords. */
  summary: text.optional(),
  /** Words that make a followed article belong to this story (see sources.json). */
  keywords: z.array(text).optional(),
  /** Who wrote the summary: "hand" (a person; never overwritten, the default) or "generated" (ingest rewrites it from the threads). */
  summaryBy: z.enum(["hand", "generated"]).optional(),
  parties: listWithUniqueIds("parties", partySchema).default([]),
  people: listWithUniqueIds("people", personSchema).default([]),
  topics: listWithUniqueIds("topics", topicSchema).default([]),
});

export const sourceSchema = z.strictObject({
  name,
  url: z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }).optional(),
});

export const quoteSchema = z.strictObject({
  /** Person id, from story.json's people or this article's people. */
  speaker: id,
  text,
  kind: z.enum(QUOTE_KINDS),
  /** A short line of our own on when and where it was said. */
  context: text.optional(),
  /** When the words were said; defaults to the article's date. */
  date: isoDate.optional(),
});

export const conditionSchema = z.strictObject({
  /** Party id from story.json. */
  party: id,
  /** Person id of who set the condition, when one person did. */
  holder: id.optional(),
  text,
  firmness: firmnessSchema,
  /** When the condition was stated; defaults to the article's date. */
  date: isoDate.optional(),
});

export const statusItemSchema = z.strictObject({
  /** Topic id from story.json. */
  topic: id,
  state: stateSchema,
  detail: text,
  date: isoDate,
});

export const articleSchema = z.strictObject({
  id,
  title,
  date: isoDate,
  dateline: text.optional(),
  source: sourceSchema,
  /** In our own words: the article's prose is not copied into data/. */
  summary: text,
  /** People the article mentions; may introduce people story.json does not know yet. */
  people: listWithUniqueIds("people", personSchema).default([]),
  quotes: z.array(quoteSchema).default([]),
  conditions: z.array(conditionSchema).default([]),
  status: z.array(statusItemSchema).default([]),
});

export type State = z.infer<typeof stateSchema>;
export type Firmness = z.infer<typeof firmnessSchema>;
export type Party = z.infer<typeof partySchema>;
export type Person = z.infer<typeof personSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type StoryFile = z.infer<typeof storySchema>;
export type ArticleFile = z.infer<typeof articleSchema>;
export type QuoteFile = z.infer<typeof quoteSchema>;
export type ConditionFile = z.infer<typeof conditionSchema>;
export type StatusItemFile = z.infer<typeof statusItemSchema>;
