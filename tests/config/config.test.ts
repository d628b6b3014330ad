import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.js";

describe("configuration", () => {
  it("defaults to the console with data/ when nothing is set", () => {
    expect(readConfig({})).toEqual({ logLevel: "info", dataDir: "data", stateDb: "state/storyline.sqlite", cacheDir: ".cache/storyline", followEveryMs: 900_000 });
  });

  it("reads every setting and drops a trailing slash from the REST URL", () => {
    expect(
      readConfig({
        DISCORD_TOKEN: "abc.def-ghi",
        DISCORD_GUILD_ID: "123456789012345678",
        DISCORD_REST_URL: "http://127.0.0.1:8080/api/",
        LOG_LEVEL: "debug",
        DATA_DIR: "/srv/data",
        STATE_DB: "/srv/state.sqlite",
        CACHE_DIR: "/var/cache/storyline",
        FOLLOW_EVERY: "1h",
        FOLLOW_CONTACT: "https://news.example/bot",
      }),
    ).toEqual({
      discordToken: "abc.def-ghi",
      discordGuildId: "123456789012345678",
      discordRestUrl: "http://127.0.0.1:8080/api",
      logLevel: "debug",
      dataDir: "/srv/data",
      stateDb: "/srv/state.sqlite",
      cacheDir: "/var/cache/storyline",
      followEveryMs: 3_600_000,
      followContact: "https://news.example/bot",
    });
  });

  it("reads FOLLOW_EVERY as a duration or off, and refuses nonsense", () => {
    expect(readConfig({ FOLLOW_EVERY: "90s" }).followEveryMs).toBe(90_000);
    expect(readConfig({ FOLLOW_EVERY: "off" }).followEveryMs).toBe(0);
    expect(() => readConfig({ FOLLOW_EVERY: "5" })).toThrow(/FOLLOW_EVERY: expected a duration such as 15m/);
    expect(() => readConfig({ FOLLOW_EVERY: "10s" })).toThrow(/FOLLOW_EVERY: expected between 1m and 24h/);
    expect(() => readConfig({ FOLLOW_CONTACT: "call me (maybe)" })).toThrow(/FOLLOW_CONTACT: expected a URL or an e-mail address/);
  });

  it("treats an empty setting as unset", () => {
    expect(readConfig({ DISCORD_TOKEN: "", DISCORD_GUILD_ID: " " })).toEqual({ logLevel: "info", dataDir: "data", stateDb: "state/storyline.sqlite", cacheDir: ".cache/storyline", followEveryMs: 900_000 });
  });

  it("names each invalid setting and points to .env.example, without echoing the token", () => {
    const secret = "not a token!";
    let message = "";
    try {
      readConfig({ DISCORD_TOKEN: secret, DISCORD_GUILD_ID: "guild", DISCORD_REST_URL: "discord", LOG_LEVEL: "loud" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DISCORD_TOKEN: expected a bot token/);
    expect(message).toMatch(/DISCORD_GUILD_ID: expected a server \(guild\) id/);
    expect(message).toMatch(/DISCORD_REST_URL: expected an http\(s\) URL/);
    expect(message).toMatch(/LOG_LEVEL: /);
    expect(message).toMatch(/See \.env\.example/);
    expect(message).not.toContain(secret);
  });
});
