import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.js";

describe("configuration", () => {
  it("defaults to the console with data/ when nothing is set", () => {
    expect(readConfig({})).toEqual({ logLevel: "info", dataDir: "data", stateDb: "state/storyline.sqlite", cacheDir: ".cache/storyline" });
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
      }),
    ).toEqual({
      discordToken: "abc.def-ghi",
      discordGuildId: "123456789012345678",
      discordRestUrl: "http://127.0.0.1:8080/api",
      logLevel: "debug",
      dataDir: "/srv/data",
      stateDb: "/srv/state.sqlite",
      cacheDir: "/var/cache/storyline",
    });
  });

  it("treats an empty setting as unset", () => {
    expect(readConfig({ DISCORD_TOKEN: "", DISCORD_GUILD_ID: " " })).toEqual({ logLevel: "info", dataDir: "data", stateDb: "state/storyline.sqlite", cacheDir: ".cache/storyline" });
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
