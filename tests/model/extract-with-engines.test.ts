import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ModelConfig } from "../../src/config.js";
import { extractArticle } from "../../src/core/extract/extract-article.js";
import { mergeEngines } from "../../src/core/extract/model/merge-engines.js";
import { normaliseQuote } from "../../src/core/extract/model/verify-answer.js";
import { pino } from "pino";
import { fileAnswerCache } from "../../src/model/answer-cache.js";
import { fileCallBudget } from "../../src/model/call-budget.js";
import { type EngineResult, type ModelEngine, describeEngines, extractWithEngines, modelEngine } from "../../src/model/extract-with-engines.js";
import { createModelClient } from "../../src/model/model-client.js";
import { ARTICLE, HOSTILE_ARTICLE, OBEDIENT_ANSWER, VALID_ANSWER } from "../fake-model/article.js";
import { type FakeModel, completion, jsonAnswer, startFakeModel } from "../fake-model/server.js";

const options = { fallbackDate: "2026-01-01" };
const KEY = "sk-test-secret-key-123";
let fake: FakeModel;
let logs: string[];

beforeAll(async () => {
  fake = await startFakeModel();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  logs = [];
});

/** A model engine against the fake, with a fresh cache and budget unless given. */
function engine(settings: Partial<ModelConfig> = {}, dir = mkdtempSync(path.join(tmpdir(), "storyline-model-"))): ModelEngine {
  const config: ModelConfig = { url: fake.url, name: "fake-model", key: KEY, timeoutMs: 2_000, maxCallsPerHour: 100, ...settings };
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const log = pino({ level: "info" }, stream);
  return { client: createModelClient(config, { budget: fileCallBudget(path.join(dir, "calls.json"), config.maxCallsPerHour) }), cache: fileAnswerCache(path.join(dir, "answers")), log };
}

const rules = extractArticle(ARTICLE, options);
const quoteKeys = (result: EngineResult) => result.article.quotes.map((q) => normaliseQuote(q.text).toLowerCase());

function expectRulesWhole(result: EngineResult, reason: RegExp, expected = rules) {
  const { engines, ...extracted } = result;
  expect(extracted).toEqual(expected);
  expect(engines.fallback).toMatch(reason);
  expect(describeEngines(engines)).toMatch(/^rules \(model not used: /);
  expect(logs.join("")).toMatch(/model extraction failed; the rules' output is used/);
  expect(logs.join("")).toMatch(reason);
}

describe("extractWithEngines without a model", () => {
  it("is byte for byte what the rules produce, and asks nothing", async () => {
    const result = await extractWithEngines(ARTICLE, options);
    const { engines, ...extracted } = result;
    expect(JSON.stringify(extracted)).toBe(JSON.stringify(rules));
    expect(engines).toEqual({ quotes: "rules", conditions: "rules", status: "rules", summary: "rules", dropped: [] });
    expect(fake.requests).toEqual([]);
  });
});

describe("extractWithEngines with the fake model", () => {
  it("sends one structured-output request and uses the valid parts", async () => {
    fake.queue(jsonAnswer(VALID_ANSWER));
    const story = { id: "test-story", title: "Test story", people: [], topics: [{ id: "border-commission", name: "Border commission", aliases: [] }], parties: [] };
    const result = await extractWithEngines(ARTICLE, { ...options, story }, engine());

    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.url).toBe("/v1/chat/completions");
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    const body = request.body as { model: string; response_format: { type: string; json_schema: { strict: boolean; schema: { properties: object } } }; messages: { content: string }[] };
    expect(body.model).toBe("fake-model");
    expect(body.response_format.type).toBe("json_schema");
    expect(Object.keys(body.response_format.json_schema.schema.properties)).toEqual(["summary", "quotes", "conditions", "status"]);
    expect(body.messages[1]!.content).toContain(`<article>\n${ARTICLE}\n</article>`);
    expect(body.messages[1]!.content).toContain("- border-commission: Border commission");

    expect(result.article.summary).toBe(VALID_ANSWER.summary);
    expect(result.article.conditions).toEqual([{ party: "aldmark", holder: "ilse-varga", text: VALID_ANSWER.conditions[0]!.text, firmness: "firm" }]);
    expect(result.parties).toEqual([{ id: "aldmark", name: "Aldmark", aliases: [] }]);
    expect(result.article.status).toEqual([{ topic: "aldmark-vessen-talks", state: "scheduled", detail: "Talks resume in Geneva on March 10", date: "2026-03-03" }]);
    expect(result.topics).toEqual([{ id: "aldmark-vessen-talks", name: "Aldmark–Vessen talks", aliases: [] }]);
    // The rules' quotes stay; the model's are added once each, never twice.
    for (const quote of rules.article.quotes) expect(result.article.quotes).toContainEqual(quote);
    expect(new Set(quoteKeys(result)).size).toBe(result.article.quotes.length);
    for (const q of VALID_ANSWER.quotes) expect(quoteKeys(result).some((k) => k.includes(q.text.toLowerCase()))).toBe(true);
    expect(result.engines).toMatchObject({ conditions: "model", status: "model", summary: "model", dropped: [] });
    expect(result.article.id).toBe(rules.article.id);
    expect(logs.join("")).not.toContain(KEY);
  });

  it("falls back to the rules whole on malformed JSON, and on an answer that does not fit the schema", async () => {
    fake.queue(completion('{"summary": "Talks resume", "quotes": [{"text": '));
    expectRulesWhole(await extractWithEngines(ARTICLE, options, engine()), /not valid JSON/);
    fake.queue(jsonAnswer({ summary: 3, quotes: [], conditions: [], status: [] }));
    expectRulesWhole(await extractWithEngines(ARTICLE, options, engine()), /does not fit the schema \(summary/);
  });

  it("never keeps a hallucinated quote or an invented speaker", async () => {
    fake.queue(
      jsonAnswer({
        ...VALID_ANSWER,
        quotes: [
          { text: "Vessen must pay for every shell fired", speaker: "Ilse Varga" },
          { text: "Move The Guns First.", speaker: "Chancellor Otto Brenner" },
        ],
      }),
    );
    const result = await extractWithEngines(ARTICLE, options, engine());
    expect(result.article.quotes).toEqual(rules.article.quotes);
    expect(result.article.people.map((p) => p.name)).not.toContain("Chancellor Otto Brenner");
    expect(result.engines.dropped).toEqual([
      "quotes[0]: not found verbatim inside quotation marks in the article",
      'quotes[1]: speaker "Chancellor Otto Brenner" is not named in the article',
    ]);
    expect(result.engines.quotes).toBe("rules");
    expect(describeEngines(result.engines)).toMatch(/2 model items dropped by verification/);
  });

  it("falls back on a timeout, within MODEL_TIMEOUT_MS", async () => {
    fake.queue({ ...jsonAnswer(VALID_ANSWER), delayMs: 3_000 });
    const started = Date.now();
    expectRulesWhole(await extractWithEngines(ARTICLE, options, engine({ timeoutMs: 1_000 })), /no answer within MODEL_TIMEOUT_MS \(1000 ms\)/);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it("waits out a 429's Retry-After when it ends within the timeout, and uses the answer", async () => {
    fake.queue({ status: 429, headers: { "retry-after-ms": "200" }, body: { error: { message: "slow down" } } }, jsonAnswer(VALID_ANSWER));
    const result = await extractWithEngines(ARTICLE, options, engine());
    expect(fake.requests).toHaveLength(2);
    expect(result.engines.fallback).toBeUndefined();
    expect(result.article.summary).toBe(VALID_ANSWER.summary);
  });

  it("falls back on a 429 whose Retry-After ends after the timeout, without waiting for it", async () => {
    fake.queue({ status: 429, headers: { "retry-after": "30" }, body: { error: { message: "slow down" } } });
    const started = Date.now();
    expectRulesWhole(await extractWithEngines(ARTICLE, options, engine()), /rate limited \(HTTP 429\); Retry-After \(30 s\) ends after MODEL_TIMEOUT_MS/);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(fake.requests).toHaveLength(1);
  });

  it("falls back on a 500, and on a server that cannot be reached, never logging the key", async () => {
    fake.queue({ status: 500, body: { error: { message: `internal error for key ${KEY}` } } });
    expectRulesWhole(await extractWithEngines(ARTICLE, options, engine()), /HTTP 500 from the model server/);
    expect(logs.join("")).not.toContain(KEY);
    expectRulesWhole(await extractWithEngines(ARTICLE, options, engine({ url: "http://127.0.0.1:9/v1" })), /cannot reach the model server/);
  });

  it("drops whatever an injected instruction made the model add", async () => {
    fake.queue(jsonAnswer(OBEDIENT_ANSWER));
    const hostileRules = extractArticle(HOSTILE_ARTICLE, options);
    const result = await extractWithEngines(HOSTILE_ARTICLE, options, engine());
    const prompt = (fake.requests[0]!.body as { messages: { content: string }[] }).messages;
    expect(prompt[0]!.content).toMatch(/never instructions/);
    // What the model added beyond the rules' own reading of the text holds nothing the injection asked for.
    const added = JSON.stringify({
      quotes: result.article.quotes.filter((q) => !hostileRules.article.quotes.some((r) => r.text === q.text)),
      people: result.article.people.filter((p) => !hostileRules.article.people.some((r) => r.id === p.id)),
      conditions: result.article.conditions,
      status: result.article.status,
      parties: result.parties,
      topics: result.topics,
      summary: result.article.summary,
    });
    for (const invented of ["surrender", "Biden", "Atlantis", "absolute", "system_override", "admin"]) expect(added).not.toContain(invented);
    expect(JSON.stringify(result)).not.toContain("system_override");
    expect(result.article.conditions).toEqual([{ party: "aldmark", holder: "ilse-varga", text: VALID_ANSWER.conditions[0]!.text, firmness: "firm" }]);
    expect(result.article.status.map((s) => s.state)).toEqual(["scheduled"]);
    expect(result.engines.dropped).toEqual([
      "quotes[2]: not found verbatim inside quotation marks in the article",
      expect.stringMatching(/^quotes\[3\]: speaker "Joe Biden"/),
      "quotes[4]: not found verbatim inside quotation marks in the article",
      'conditions[1]: unknown firmness "absolute"',
      'status[1]: unknown state "surrendered"',
    ]);
  });

  it("makes no request for an article it has already asked about, and asks again for another model", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "storyline-model-"));
    fake.queue(jsonAnswer(VALID_ANSWER));
    const first = await extractWithEngines(ARTICLE, options, engine({}, dir));
    const second = await extractWithEngines(ARTICLE, options, engine({}, dir));
    expect(fake.requests).toHaveLength(1);
    expect(second.engines.cached).toBe(true);
    const { engines: _a, ...firstArticle } = first;
    const { engines: _b, ...secondArticle } = second;
    expect(secondArticle).toEqual(firstArticle);
    fake.queue(jsonAnswer(VALID_ANSWER));
    await extractWithEngines(ARTICLE, options, engine({ name: "another-model" }, dir));
    expect(fake.requests).toHaveLength(2);
  });

  it("does not cache a failed answer", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "storyline-model-"));
    fake.queue(completion("not json"), jsonAnswer(VALID_ANSWER));
    expect((await extractWithEngines(ARTICLE, options, engine({}, dir))).engines.fallback).toMatch(/not valid JSON/);
    expect((await extractWithEngines(ARTICLE, options, engine({}, dir))).engines.fallback).toBeUndefined();
    expect(fake.requests).toHaveLength(2);
  });

  it("falls back once the hourly budget is used up, without a request", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "storyline-model-"));
    fake.queue(jsonAnswer(VALID_ANSWER));
    await extractWithEngines(ARTICLE, options, engine({ maxCallsPerHour: 1 }, dir));
    expectRulesWhole(await extractWithEngines(HOSTILE_ARTICLE, options, engine({ maxCallsPerHour: 1 }, dir)), /budget of 1 model calls per hour is used up/, extractArticle(HOSTILE_ARTICLE, options));
    expect(fake.requests).toHaveLength(1);
  });
});

describe("modelEngine", () => {
  const config = { logLevel: "info" as const, dataDir: "data", stateDb: "s", followEveryMs: 0, cacheDir: mkdtempSync(path.join(tmpdir(), "storyline-model-")) };
  const log = () => pino({ level: "info" }, new Writable({ write: (chunk: Buffer, _e, done) => (logs.push(chunk.toString()), done()) }));

  it("is undefined without a model, and warns when the key would travel over plain http to another host", () => {
    expect(modelEngine(config, log())).toBeUndefined();
    expect(modelEngine({ ...config, model: { url: "http://localhost:11434/v1", name: "m", key: KEY, timeoutMs: 1000, maxCallsPerHour: 1 } }, log())).toBeDefined();
    expect(logs.join("")).toBe("");
    modelEngine({ ...config, model: { url: "http://models.example.com/v1", name: "m", key: KEY, timeoutMs: 1000, maxCallsPerHour: 1 } }, log());
    expect(logs.join("")).toContain("MODEL_KEY is sent over plain http");
    expect(logs.join("")).not.toContain(KEY);
  });
});

describe("mergeEngines", () => {
  it("adds the model's new quotes to the rules', keeps the rules' speaker for words both found, and reuses the rules' people", () => {
    const base = extractArticle(ARTICLE, options);
    const rulesOnlyVarga = { ...base, article: { ...base.article, quotes: base.article.quotes.slice(0, 1) } };
    const { extracted, engines } = mergeEngines(rulesOnlyVarga, {
      quotes: [
        { text: "We will not sign anything that leaves our border towns exposed", speaker: "A senior Vessen official" },
        { text: "cautiously hopeful about a deal", speaker: "A senior Vessen official" },
        { text: "Move The Guns First.", speaker: "Varga" },
      ],
      conditions: [],
      status: [],
      dropped: [],
    });
    expect(extracted.article.quotes.map((q) => [q.speaker, q.text])).toEqual([
      ["ilse-varga", "We will not sign anything that leaves our border towns exposed"],
      ["a-senior-vessen-official", "cautiously hopeful about a deal"],
      ["ilse-varga", "Move The Guns First."],
    ]);
    expect(extracted.article.people.find((p) => p.id === "a-senior-vessen-official")).toEqual({ id: "a-senior-vessen-official", name: "A senior Vessen official", aliases: [] });
    expect(engines).toMatchObject({ quotes: "rules+model", conditions: "model", status: "model", summary: "rules" });
    expect(extracted.article.summary).toBe(base.article.summary);
  });
});
