import OpenAI, { APIConnectionTimeoutError, APIError } from "openai";
import type { ModelConfig } from "../config.js";
import type { PromptMessage } from "../core/extract/model/prompt.js";
import type { CallBudget } from "./call-budget.js";

/** Why a model call gave no usable answer; the message is safe to log (it never holds the key). */
export class ModelFailure extends Error {
  override name = "ModelFailure";
}

export interface ModelClient {
  /** The model's name, part of the cache key. */
  model: string;
  /** One structured-output request; resolves to the answer's text or throws a ModelFailure. */
  complete(messages: PromptMessage[], schema: Record<string, unknown>): Promise<string>;
}

const MAX_ATTEMPTS = 3;
/** Retry-After is optional on a 429; without it, wait this long (if the timeout leaves room). */
const DEFAULT_RETRY_MS = 1_000;

/**
 * A client for any OpenAI-compatible chat completions API (OpenAI, Ollama, llama.cpp, vLLM).
 * MODEL_TIMEOUT_MS bounds the whole call, waits included: a 429 is retried only when its
 * Retry-After ends before that deadline. Every request sent counts against the hourly budget.
 */
export function createModelClient(config: ModelConfig, deps: { budget: CallBudget; sleep?: (ms: number) => Promise<void>; now?: () => number }): ModelClient {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = deps.now ?? Date.now;
  // The SDK's own retries are off: this client decides, within its one deadline.
  const openai = new OpenAI({ baseURL: config.url, apiKey: config.key ?? "no-key", maxRetries: 0, timeout: config.timeoutMs });
  const redact = (text: string) => (config.key ? text.split(config.key).join("[redacted]") : text);

  return {
    model: config.name,
    async complete(messages, schema) {
      const deadline = now() + config.timeoutMs;
      for (let attempt = 1; ; attempt++) {
        if (!(await deps.budget.take())) throw new ModelFailure(`the budget of ${config.maxCallsPerHour} model calls per hour is used up`);
        const left = deadline - now();
        try {
          const completion = await openai.chat.completions.create(
            {
              model: config.name,
              messages,
              temperature: 0,
              response_format: { type: "json_schema", json_schema: { name: "storyline_article", strict: true, schema } },
            },
            { timeout: Math.max(1, left), maxRetries: 0 },
          );
          const choice = completion.choices?.[0];
          if (choice?.message?.refusal) throw new ModelFailure(`the model refused: ${redact(choice.message.refusal).slice(0, 200)}`);
          const content = choice?.message?.content;
          if (typeof content !== "string" || content.trim() === "") throw new ModelFailure("the answer has no content");
          if (choice?.finish_reason === "length") throw new ModelFailure("the answer was cut off at the model's length limit");
          return content;
        } catch (error) {
          if (error instanceof ModelFailure) throw error;
          if (error instanceof APIConnectionTimeoutError) throw new ModelFailure(`no answer within MODEL_TIMEOUT_MS (${config.timeoutMs} ms)`);
          if (error instanceof APIError && error.status === 429) {
            const wait = retryAfterMs(error.headers) ?? DEFAULT_RETRY_MS;
            if (attempt >= MAX_ATTEMPTS) throw new ModelFailure(`rate limited (HTTP 429) ${attempt} times in a row`);
            if (now() + wait >= deadline) throw new ModelFailure(`rate limited (HTTP 429); Retry-After (${Math.ceil(wait / 1000)} s) ends after MODEL_TIMEOUT_MS (${config.timeoutMs} ms)`);
            await sleep(wait);
            continue;
          }
          if (error instanceof APIError && error.status !== undefined) {
            throw new ModelFailure(`HTTP ${error.status} from the model server: ${redact(error.message).slice(0, 200)}`);
          }
          throw new ModelFailure(`cannot reach the model server at ${config.url}: ${redact((error as Error).message).slice(0, 200)}`);
        }
      }
    },
  };
}

/** Retry-After in milliseconds: `retry-after-ms`, or `retry-after` as seconds or an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number(headers?.get("retry-after-ms"));
  if (headers?.get("retry-after-ms") && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
