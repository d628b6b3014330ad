import { z } from "zod";
import { type DataProblem, jsonPath } from "../errors.js";
import { firmnessSchema, stateSchema } from "../schema.js";

/**
 * The hand-written answer key of one development story (eval/<set>/<story>/gold.json).
 * Articles are named by their file name without ".txt", so the key never depends on
 * the ids the extractor happens to give them.
 */

const text = z.string().trim().min(1, { error: "expected non-empty text" });
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "expected an id in kebab-case, like \"prisoner-exchange\"" });
const articleName = text;

/** The kinds of thread the extractor is asked to recognise (issue 9, point 2). */
export const THREAD_KINDS = ["call", "meeting", "ceasefire", "corridor", "exchange", "deal", "mission", "withdrawal", "sanctions", "referendum", "vote", "report"] as const;

export const goldPartySchema = z.strictObject({ name: text, aliases: z.array(text).default([]) });

export const goldPersonSchema = z.strictObject({
  name: text,
  aliases: z.array(text).default([]),
  role: text.optional(),
  /** A party name from this file's parties. */
  party: text.optional(),
});

export const goldMentionSchema = z.strictObject({
  article: articleName,
  firmness: firmnessSchema,
  /** Who stated it this time, when not the condition's holder. */
  holder: text.optional(),
  /** The wording this article uses, when it differs from the condition's text. */
  text: text.optional(),
});

export const goldConditionSchema = z.strictObject({
  id,
  /** A party name from this file's parties: a country, organisation or side, never a person. */
  party: text,
  /** A person name from this file's people. */
  holder: text.optional(),
  /** The demanded thing as a short clause. */
  text,
  /** Where it was stated (first) and restated (later), oldest first. */
  mentions: z.array(goldMentionSchema).min(1, { error: "expected at least one mention" }),
});

export const goldStateSchema = z.strictObject({ state: stateSchema, article: articleName });

export const goldThreadSchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(THREAD_KINDS),
  /** Every other name the thread goes by in the articles. */
  aliases: z.array(text).default([]),
  /** Oldest first; the last one is the thread's final state. */
  states: z.array(goldStateSchema).min(1, { error: "expected at least one state" }),
});

export const goldStorySchema = z.strictObject({
  story: id,
  title: text,
  parties: z.array(goldPartySchema).min(1, { error: "expected at least one party" }),
  people: z.array(goldPersonSchema).default([]),
  /** Speakers that are not people but are fine as speakers: organisations, unnamed officials. */
  speakers: z.array(text).default([]),
  /** Places and phrases in the articles that look like names and must never become people. */
  notPeople: z.array(text).default([]),
  conditions: z.array(goldConditionSchema).default([]),
  threads: z.array(goldThreadSchema).default([]),
});

export type GoldStory = z.infer<typeof goldStorySchema>;
export type GoldCondition = z.infer<typeof goldConditionSchema>;
export type GoldThread = z.infer<typeof goldThreadSchema>;
export type GoldPerson = z.infer<typeof goldPersonSchema>;
export type GoldParty = z.infer<typeof goldPartySchema>;

export type GoldResult = { ok: true; gold: GoldStory } | { ok: false; problems: DataProblem[] };

/**
 * Parses and cross-checks a gold file: every party, holder and article it names must
 * exist, so a typo fails loudly instead of silently lowering a score.
 */
export function parseGold(json: string, file: string, articleNames: readonly string[]): GoldResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { ok: false, problems: [{ file, path: "", message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = goldStorySchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ file, path: jsonPath(issue.path), message: issue.message })) };
  }
  const gold = parsed.data;
  const problems: DataProblem[] = [];
  const parties = new Set(gold.parties.map((p) => p.name));
  const people = new Set(gold.people.map((p) => p.name));
  const articles = new Set(articleNames);
  const expect = (ok: boolean, path: string, message: string) => {
    if (!ok) problems.push({ file, path, message });
  };
  const partyHint = `a party name from "parties" (${[...parties].join(", ")})`;
  const articleHint = "an article file name without .txt in the story's folder";
  gold.people.forEach((p, i) => p.party && expect(parties.has(p.party), `people[${i}].party`, `unknown party "${p.party}": expected ${partyHint}`));
  gold.conditions.forEach((c, i) => {
    expect(parties.has(c.party), `conditions[${i}].party`, `unknown party "${c.party}": expected ${partyHint}`);
    if (c.holder) expect(people.has(c.holder), `conditions[${i}].holder`, `unknown person "${c.holder}": expected a name from "people"`);
    c.mentions.forEach((m, j) => {
      expect(articles.has(m.article), `conditions[${i}].mentions[${j}].article`, `unknown article "${m.article}": expected ${articleHint}`);
      if (m.holder) expect(people.has(m.holder), `conditions[${i}].mentions[${j}].holder`, `unknown person "${m.holder}": expected a name from "people"`);
    });
  });
  gold.threads.forEach((t, i) =>
    t.states.forEach((s, j) => expect(articles.has(s.article), `threads[${i}].states[${j}].article`, `unknown article "${s.article}": expected ${articleHint}`)),
  );
  const duplicate = (ids: string[]) => ids.find((x, i) => ids.indexOf(x) !== i);
  const dupCondition = duplicate(gold.conditions.map((c) => c.id));
  if (dupCondition) problems.push({ file, path: "conditions", message: `duplicate condition id "${dupCondition}"` });
  const dupThread = duplicate(gold.threads.map((t) => t.id));
  if (dupThread) problems.push({ file, path: "threads", message: `duplicate thread id "${dupThread}"` });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, gold };
}
