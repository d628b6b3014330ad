import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import type { OptionDefinition } from "../../src/command-kit/command.js";
import { deployCommands } from "../../src/discord/deploy-commands.js";
import { FAKE_TOKEN, type FakeDiscord, startFakeDiscord } from "../fake-discord/index.js";

let discord: FakeDiscord;
beforeEach(async () => (discord = await startFakeDiscord()));
afterEach(async () => discord.close());

const definitions = commands.map((c) => c.definition);
const puts = () => discord.requests.filter((r) => r.method === "PUT");

describe("deploying commands", { timeout: 20_000 }, () => {
  it("sends every definition to the guild, and a second run changes nothing", async () => {
    const guildId = discord.guilds[0]!.id;
    const first = await deployCommands({ token: FAKE_TOKEN, definitions, guildId, restUrl: discord.restUrl });
    expect(first).toEqual({ scope: "guild", changed: true, count: definitions.length });
    expect(puts()).toHaveLength(1);
    expect(puts()[0]!.path).toBe(`/api/v10/applications/${discord.applicationId}/guilds/${guildId}/commands`);
    expect(puts()[0]!.body).toEqual(definitions);
    expect(discord.commands(guildId).map((c) => c.name)).toEqual(["quote", "conditions", "status", "brief", "timeline", "who", "whosaid", "Who said this?", "digest", "help"]);
    // The message context-menu command: right-click a message → Apps → Who said this?
    expect(discord.commands(guildId).find((c) => c.name === "Who said this?")).toMatchObject({ type: 3, description: "" });

    const registered = discord.commands(guildId);
    const second = await deployCommands({ token: FAKE_TOKEN, definitions, guildId, restUrl: discord.restUrl });
    expect(second).toEqual({ scope: "guild", changed: false, count: definitions.length });
    expect(discord.commands(guildId)).toEqual(registered);
  });

  it("updates when a definition changed", async () => {
    await deployCommands({ token: FAKE_TOKEN, definitions, restUrl: discord.restUrl });
    const changed = definitions.map((d) => (d.name === "help" ? { ...d, description: "Something new" } : d));
    expect((await deployCommands({ token: FAKE_TOKEN, definitions: changed, restUrl: discord.restUrl })).changed).toBe(true);
    expect(discord.commands().find((c) => c.name === "help")?.description).toBe("Something new");
  });

  it("deploys a removed autocomplete and max_length, and says so", async () => {
    await deployCommands({ token: FAKE_TOKEN, definitions, restUrl: discord.restUrl });
    const plain = definitions.map((d) =>
      d.name === "quote" ? { ...d, options: (d.options as (OptionDefinition & { autocomplete?: boolean; max_length?: number })[] | undefined)?.map(({ autocomplete: _a, max_length: _m, ...o }) => o as OptionDefinition) } : d,
    );
    const result = await deployCommands({ token: FAKE_TOKEN, definitions: plain, restUrl: discord.restUrl });
    expect(result.changed).toBe(true);
    const quote = discord.commands().find((c) => c.name === "quote") as { options: Array<Record<string, unknown>> } | undefined;
    const speaker = quote?.options.find((o) => o.name === "speaker");
    expect(speaker).toBeDefined();
    expect(speaker).not.toHaveProperty("autocomplete");
    expect(speaker).not.toHaveProperty("max_length");
  });

  it("deploys a removed command, and an added one", async () => {
    await deployCommands({ token: FAKE_TOKEN, definitions, restUrl: discord.restUrl });
    const fewer = definitions.filter((d) => d.name !== "help");
    expect((await deployCommands({ token: FAKE_TOKEN, definitions: fewer, restUrl: discord.restUrl })).changed).toBe(true);
    expect(discord.commands().map((c) => c.name)).toEqual(fewer.map((d) => d.name));
    expect(await deployCommands({ token: FAKE_TOKEN, definitions, restUrl: discord.restUrl })).toEqual({
      scope: "global",
      changed: true,
      count: definitions.length,
    });
    expect(discord.commands().map((c) => c.name)).toEqual(definitions.map((d) => d.name));
  });

  it("runs as npm run deploy-commands, globally without DISCORD_GUILD_ID", async () => {
    const { stdout } = await promisify(execFile)("node", ["--import", "tsx", "src/deploy-commands.ts"], {
      env: { ...process.env, DISCORD_TOKEN: FAKE_TOKEN, DISCORD_REST_URL: discord.restUrl, DISCORD_GUILD_ID: "" },
    });
    expect(stdout).toBe(`Registered ${definitions.length} commands globally (may take up to an hour to show everywhere).\n`);
    expect(puts()[0]!.path).toBe(`/api/v10/applications/${discord.applicationId}/commands`);
  });
});
