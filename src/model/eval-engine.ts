import { config as loadDotenv } from "dotenv";
import { readConfig } from "../config.js";
import type { EngineReport } from "../core/extract/model/merge-engines.js";
import { createLogger } from "../logger.js";
import { type ModelEngine, modelEngine } from "./extract-with-engines.js";

export type { ModelEngine };

/**
 * The engine `eval:story --engine` names: undefined for the rules, the configured model for
 * "model", or "usage" (after saying why on stderr) when the option is wrong or no model is set.
 */
export function evalEngine(engine: string | undefined): ModelEngine | undefined | "usage" {
  if (engine === undefined || engine === "rules") return undefined;
  if (engine !== "model") {
    process.stderr.write(`eval:story: --engine must be rules or model, not "${engine}"\n`);
    return "usage";
  }
  loadDotenv({ quiet: true });
  let config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    process.stderr.write(`eval:story: ${(error as Error).message}\n`);
    return "usage";
  }
  const model = modelEngine(config, createLogger({ level: config.logLevel, destination: 2 }));
  if (!model) process.stderr.write("eval:story: --engine model needs MODEL_URL and MODEL_NAME (see \"Using a language model\" in README.md)\n");
  return model ?? "usage";
}

/** "model used for 7 of 8 articles; rules for 1 (no answer within MODEL_TIMEOUT_MS (60000 ms))". */
export function tallyEngines(reports: readonly EngineReport[]): string {
  const fallbacks = reports.filter((r) => r.fallback).map((r) => r.fallback!);
  const used = reports.length - fallbacks.length;
  const reasons = [...new Set(fallbacks)];
  return `model used for ${used} of ${reports.length} articles${fallbacks.length > 0 ? `; rules for ${fallbacks.length} (${reasons.join("; ")})` : ""}`;
}
