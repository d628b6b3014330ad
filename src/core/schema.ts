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
  name: text,
  aliases: z.array(text).default([]),
});

export const personSchema = z.strictObject({
  id,
  name: text,
  aliases: z.array(text).default([]),
  role: text.optional(),
  /** Party id the person speaks for, when they speak for one. */
  party: id.optional(),
});

export const topicSchema = z.strictObject({
  id,
  name: text,
  aliases: z.array(text).default([]),
});

export const storySchema = z.strictObject({
  id,
  title: text,
  summary: text,
  /** Who wrote the summary: "hand" (a person; never overwritten, the default) or "generated" (ingest rewrites it from the threads). */
  summaryBy: z.enum(["hand", "generated"]).optional(),
  parties: z.array(partySchema).default([]),
  people: z.array(personSchema).default([]),
  topics: z.array(topicSchema).default([]),
});

export const sourceSchema = z.strictObject({
  name: text,
  url: z.url({ error: "expected an absolute URL" }).optional(),
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
  title: text,
  date: isoDate,
  dateline: text.optional(),
  source: sourceSchema,
  /** In our own words: the article's prose is not copied into data/. */
  summary: text,
  /** People the article mentions; may introduce people story.json does not know yet. */
  people: z.array(personSchema).default([]),
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
