import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.js";

describe("model settings", () => {
  it("are absent unless MODEL_URL is set", () => {
    expect(readConfig({}).model).toBeUndefined();
    expect(readConfig({ MODEL_NAME: "llama3.1", MODEL_KEY: "k" }).model).toBeUndefined();
  });

  it("read the URL, name, key, timeout and budget, with defaults", () => {
    expect(readConfig({ MODEL_URL: "http://localhost:11434/v1/", MODEL_NAME: "llama3.1" }).model).toEqual({ url: "http://localhost:11434/v1", name: "llama3.1", timeoutMs: 60_000, maxCallsPerHour: 100 });
    expect(readConfig({ MODEL_URL: "https://api.example.com/v1", MODEL_NAME: "m", MODEL_KEY: "sk-abc", MODEL_TIMEOUT_MS: "5000", MODEL_MAX_CALLS_PER_HOUR: "10" }).model).toEqual({
      url: "https://api.example.com/v1",
      name: "m",
      key: "sk-abc",
      timeoutMs: 5000,
      maxCallsPerHour: 10,
    });
  });

  it("name each bad setting without echoing the key", () => {
    const secret = "sk secret with spaces";
    let message = "";
    try {
      readConfig({ MODEL_URL: "ftp://x", MODEL_KEY: secret, MODEL_TIMEOUT_MS: "soon", MODEL_MAX_CALLS_PER_HOUR: "0" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("MODEL_URL: expected the http(s) base URL");
    expect(message).toContain("MODEL_KEY: expected an API key");
    expect(message).toContain("MODEL_TIMEOUT_MS: expected a whole number of milliseconds");
    expect(message).toContain("MODEL_MAX_CALLS_PER_HOUR: expected 1 to 100000 calls");
    expect(message).not.toContain(secret);
    expect(() => readConfig({ MODEL_URL: "http://localhost:11434/v1" })).toThrow(/MODEL_NAME: required when MODEL_URL is set/);
  });
});
