import type { StoryFile } from "../core/schema.js";
import path from "node:path";
import type { Config } from "../config.js";
import { type ExtractOptions, type ExtractedArticle, extractArticle } from "../core/extract/extract-article.js";
import { answerJsonSchema } from "../core/extract/model/answer-schema.js";
import { type EngineReport, RULES_ONLY, mergeEngines } from "../core/extract/model/merge-engines.js";
import { PROMPT_VERSION, type StoryContext, buildPrompt } from "../core/extract/model/prompt.js";
import { verifyAnswer } from "../core/extract/model/verify-answer.js";
import type { Logger } from "../logger.js";
import { type AnswerCache, answerCacheKey, fileAnswerCache } from "./answer-cache.js";
import { fileCallBudget } from "./call-budget.js";
import { type ModelClient, ModelFailure, createModelClient } from "./model-client.js";

/** A configured model with its cache and log. */
export interface ModelEngine {
  client: ModelClient;
  cache: AnswerCache;
  log: Logger;
}

export interface EngineOptions extends ExtractOptions {
  /** The story's topics and parties, so the model can keep a thread under its existing topic; its people, to check names by. */
  story?: StoryFile;
}

export interface EngineResult extends ExtractedArticle {
  engines: EngineReport;
}

/** The model engine MODEL_URL configures, or undefined when it is unset: then the rules extract alone. */
export function modelEngine(config: Config, log: Logger): ModelEngine | undefined {
  if (!config.model) return undefined;
  const { hostname, protocol } = new URL(config.model.url);
  if (config.model.key && protocol === "http:" && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(hostname)) {
    log.warn({ host: hostname }, "MODEL_KEY is sent over plain http to a host that is not this machine; use https");
  }
  const budget = fileCallBudget(path.join(config.cacheDir, "model-calls.json"), config.model.maxCallsPerHour);
  return { client: createModelClient(config.model, { budget }), cache: fileAnswerCache(path.join(config.cacheDir, "model-answers")), log };
}

/**
 * Extracts an article with the rules and, when a model is given, with the model as well:
 * one request per article (none when the cache has the answer), verified against the text
 * and merged with the rules' output (see merge-engines.ts). Any failure (the server, the
 * budget, the answer's JSON or shape) logs its reason and returns the rules' output whole.
 * Without a model the result is exactly extractArticle's.
 */
export async function extractWithEngines(text: string, options: EngineOptions, model?: ModelEngine): Promise<EngineResult> {
  const { story, ...extractOptions } = options;
  const rules = extractArticle(text, { ...extractOptions, ...(story ? { story } : {}) });
  if (!model) return { ...rules, engines: RULES_ONLY };
  const context: StoryContext = story ?? { topics: [], parties: [] };
  const article = rules.article.id;
  const fallback = (reason: string): EngineResult => {
    model.log.warn({ article, model: model.client.model, reason }, "model extraction failed; the rules' output is used");
    return { ...rules, engines: { ...RULES_ONLY, fallback: reason } };
  };

  const key = answerCacheKey(text, PROMPT_VERSION, model.client.model);
  let raw = await model.cache.get(key);
  const cached = raw !== undefined;
  if (raw === undefined) {
    try {
      raw = await model.client.complete(buildPrompt(text, context), answerJsonSchema());
    } catch (error) {
      if (error instanceof ModelFailure) return fallback(error.message);
      model.log.error({ article, err: error }, "unexpected error calling the model");
      return fallback(`unexpected error: ${(error as Error).message}`);
    }
  }
  const verification = verifyAnswer(raw, text, { ...context, rulesParties: rules.parties, people: [...(story?.people ?? []), ...rules.article.people] });
  if (!verification.ok) return fallback(verification.reason);
  if (!cached) {
    // A cache that cannot be written costs a second call later, not this article.
    await model.cache.set(key, raw).catch((error: unknown) => model.log.warn({ err: error }, "cannot write the model answer cache"));
  }
  const merged = mergeEngines(rules, verification.answer);
  for (const line of verification.answer.dropped) model.log.info({ article, dropped: line }, "model output dropped by verification");
  model.log.info({ article, model: model.client.model, cached, engines: { ...merged.engines, dropped: merged.engines.dropped.length } }, "model extraction used");
  return { ...merged.extracted, engines: { ...merged.engines, ...(cached ? { cached: true } : {}) } };
}

/** "quotes rules+model, conditions model, status model, summary model", or the rules and why. */
export function describeEngines(engines: EngineReport): string {
  if (engines.fallback) return `rules (model not used: ${engines.fallback})`;
  const parts = `quotes ${engines.quotes}, conditions ${engines.conditions}, status ${engines.status}, summary ${engines.summary}`;
  const notes = [engines.cached ? "cached answer" : "", engines.dropped.length > 0 ? `${engines.dropped.length} model items dropped by verification` : ""].filter(Boolean);
  return notes.length > 0 ? `${parts} (${notes.join("; ")})` : parts;
}
