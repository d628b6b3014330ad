import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract/extract-article.js";
import { mergeIntoStory } from "../../src/core/ingest/merge-into-story.js";
import { storySchema } from "../../src/core/schema.js";
import { CLI_TIMEOUT } from "../extract/run-cli.js";
import { ARTICLE, VALID_ANSWER } from "../fake-model/article.js";
import { runCliAsync } from "../fake-model/run-cli-async.js";
import { type FakeModel, jsonAnswer, startFakeModel } from "../fake-model/server.js";
import { SEED_DIR } from "../seed.js";

const KEY = "sk-ingest-secret-456";
const STORY = "ukraine-peace-talks";

const ingest = (args: string[], env: Record<string, string>) => runCliAsync("ingest.ts", args, { LOG_LEVEL: "info", ...env });

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "storyline-model-ingest-"));
  cpSync(SEED_DIR, dir, { recursive: true });
  return dir;
}

describe("npm run ingest with a model", () => {
  let fake: FakeModel;
  const work = mkdtempSync(path.join(tmpdir(), "storyline-model-article-"));
  const file = path.join(work, "aldmark.txt");
  writeFileSync(file, ARTICLE);
  const articlePath = (dir: string) => path.join(dir, "stories", STORY, "articles", "2026-03-03-aldmark-and-vessen-agree-to-resume-talks.json");

  beforeAll(async () => {
    fake = await startFakeModel();
  });
  afterAll(() => fake.close());

  it("files the model's verified parts, says which engine made each, and asks nothing the second time", async () => {
    const dir = dataDir();
    const env = { DATA_DIR: dir, CACHE_DIR: path.join(dir, ".cache"), MODEL_URL: fake.url, MODEL_NAME: "fake-model", MODEL_KEY: KEY, MODEL_TIMEOUT_MS: "5000" };
    fake.queue(jsonAnswer(VALID_ANSWER));
    const first = await ingest([file, "--story", STORY], env);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("(new)\n  engines: quotes rules, conditions model, status model, summary model\n");
    expect(first.stdout).toContain("Aldmark (Ilse Varga), firm: Vessen withdraws its artillery");
    expect(first.stdout).toContain("Aldmark–Vessen talks: scheduled");
    expect(first.stderr).toContain("model extraction used");
    expect(first.stderr + first.stdout).not.toContain(KEY);
    const written = JSON.parse(readFileSync(articlePath(dir), "utf8"));
    expect(written.summary).toBe(VALID_ANSWER.summary);
    expect(fake.requests).toHaveLength(1);

    const second = await ingest([file, "--story", STORY], env);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("(unchanged)\n  engines: quotes rules, conditions model, status model, summary model (cached answer)\n");
    expect(fake.requests).toHaveLength(1);
  }, CLI_TIMEOUT);

  it("falls back to the rules on a server error, and logs why", async () => {
    const dir = dataDir();
    fake.queue({ status: 500, body: { error: { message: "model crashed" } } });
    const run = await ingest([file, "--story", STORY], { DATA_DIR: dir, CACHE_DIR: path.join(dir, ".cache"), MODEL_URL: fake.url, MODEL_NAME: "fake-model" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/engines: rules \(model not used: HTTP 500 from the model server/);
    expect(run.stderr).toMatch(/model extraction failed; the rules' output is used.*HTTP 500|HTTP 500.*model extraction failed/);
  }, CLI_TIMEOUT);

  it("without MODEL_URL writes exactly what the rules produce, and reports no engines", async () => {
    const dir = dataDir();
    const requests = fake.requests.length;
    const run = await ingest([file, "--story", STORY], { DATA_DIR: dir, CACHE_DIR: path.join(dir, ".cache") });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("engines:");
    const story = storySchema.parse(JSON.parse(readFileSync(path.join(SEED_DIR, "stories", STORY, "story.json"), "utf8")));
    const expected = mergeIntoStory(story, extractArticle(ARTICLE, { fallbackDate: new Date().toISOString().slice(0, 10) })).article;
    expect(readFileSync(articlePath(dir), "utf8")).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    expect(fake.requests).toHaveLength(requests);
  }, CLI_TIMEOUT);
});
