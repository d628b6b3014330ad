import { z } from "zod";
import { FIRMNESS, STATES } from "../../schema.js";

/**
 * What the model is asked to return for one article. The JSON schema sent with the request
 * comes from `answerSchema` (enums included, so a model with constrained decoding cannot
 * leave them); the answer is parsed with `looseAnswerSchema`, which has the same shape but
 * takes any text for a state or firmness, so one unknown value drops one item, not the answer.
 * Lengths and counts are checked item by item in verify-answer.ts, not here: strict
 * structured output rejects maxLength on many servers, and one long item should cost itself.
 */
const line = () => z.string();

function buildAnswerSchema(state: z.ZodType<string>, firmness: z.ZodType<string>) {
  return z.object({
    summary: line().describe("One or two sentences in your own words: what this article reports that is new."),
    quotes: z
      .array(
        z.object({
          text: line().describe("The quoted words exactly as they stand between quotation marks in the article, without the marks."),
          speaker: line().describe("The speaker's name as the article writes it, or a description such as \"a senior Kremlin official\" when the article names nobody."),
        }),
      )
      .describe("Direct quotations only: words the article puts in quotation marks and attributes to someone."),
    conditions: z
      .array(
        z.object({
          party: line().describe("The side that sets the condition: a country, bloc or group (one of the story's parties when one fits)."),
          holder: line().nullable().describe("The person who stated it, by name as the article writes it, or null."),
          text: line().describe("The condition in a short line of your own words."),
          firmness: firmness.describe("non-negotiable (a red line), firm (demands, insists, must) or stated."),
        }),
      )
      .describe("Conditions or demands a party sets for an agreement."),
    status: z
      .array(
        z.object({
          topic: line().describe("The id of one of the story's existing topics when the item is about it; otherwise a short new topic name such as \"Trump–Putin call\"."),
          state: state.describe("Where the thread stands after this article."),
          detail: line().describe("One line of your own words on what the article says about it."),
        }),
      )
      .describe("Threads of the story (a call, a meeting, a deal, a ceasefire) and where each stands."),
  });
}

export const answerSchema = buildAnswerSchema(z.enum(STATES), z.enum(FIRMNESS));
export const looseAnswerSchema = buildAnswerSchema(z.string(), z.string());
export type ModelAnswer = z.infer<typeof looseAnswerSchema>;

/** The JSON schema for `response_format: { type: "json_schema" }`, strict-mode compatible. */
export function answerJsonSchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(answerSchema) as Record<string, unknown>;
  return schema;
}
