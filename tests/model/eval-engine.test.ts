import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_TIMEOUT } from "../extract/run-cli.js";
import { goldOracle } from "../fake-model/gold-oracle.js";
import { runCliAsync } from "../fake-model/run-cli-async.js";
import { type FakeModel, startFakeModel } from "../fake-model/server.js";

const STORY = path.join("eval", "dev", "halvorn-truce");

describe("npm run eval:story -- DIR --engine model", () => {
  let fake: FakeModel;
  beforeAll(async () => {
    fake = await startFakeModel(goldOracle([STORY]));
  });
  afterAll(() => fake.close());

  it("ingests through the model and scores what verification and merging keep of perfect answers", async () => {
    const env = { MODEL_URL: fake.url, MODEL_NAME: "oracle", CACHE_DIR: mkdtempSync(path.join(tmpdir(), "storyline-eval-model-")), LOG_LEVEL: "warn" };
    const run = await runCliAsync("eval-story.ts", [STORY, "--engine", "model", "--json"], env);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("halvorn-truce: model used for 8 of 8 articles");
    expect(fake.requests).toHaveLength(8);
    const { overall } = JSON.parse(run.stdout);
    // The perfect answers' conditions and thread states survive verification and merging
    // (the rules alone find 0 of these 13 conditions today).
    const { recall, precision } = overall.conditions as { recall: { hit: number; total: number }; precision: { hit: number; total: number } };
    expect(recall.total).toBeGreaterThan(0);
    expect(recall.hit / recall.total).toBeGreaterThanOrEqual(0.9);
    expect(precision.hit).toBe(precision.total);
  }, CLI_TIMEOUT);

  it("refuses an unknown engine, and --engine model without a model configured", async () => {
    const bogus = await runCliAsync("eval-story.ts", [STORY, "--engine", "magic"], {});
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toContain('--engine must be rules or model, not "magic"');
    const unset = await runCliAsync("eval-story.ts", [STORY, "--engine", "model"], { MODEL_URL: "" });
    expect(unset.status).toBe(2);
    expect(unset.stderr).toContain("--engine model needs MODEL_URL and MODEL_NAME");
  }, CLI_TIMEOUT);
});
