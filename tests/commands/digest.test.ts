import { describe, expect, it } from "vitest";
import { digest } from "../../commands/digest.js";
import { UserError } from "../../src/core/errors.js";
import { depsOf } from "../builders.js";
import { loadSeed } from "../seed.js";
import { expectSendable } from "./payload-checks.js";

const deps = depsOf(await loadSeed());

describe("/digest outside a server (the console)", () => {
  it("previews what changed since a date, privately", async () => {
    const payload = await digest.run({ subcommand: "preview", since: "2025-02-01" }, deps);
    expectSendable(payload);
    expect(payload.ephemeral).toBe(true);
    expect(payload.content).toBe("Preview: only you see this.");
    expect(payload.embeds[0]!.title).toBe("What changed · Talks to end the war in Ukraine");
    expect(payload.embeds[0]!.description).toMatch(/^\*\*In short:\*\* [^\n]+\.\n1 new article since 2025-02-01:/);
    expect(payload.embeds.find((e) => e.title === "Threads")?.fields?.[0]?.name).toBe("Trump–Putin call: Unconfirmed");
  });

  it("previews a first digest, where things stand, without a date", async () => {
    const payload = await digest.run({ subcommand: "preview" }, deps);
    expect(payload.embeds[0]!.title).toBe("Where things stand · Talks to end the war in Ukraine");
  });

  it("says in one line when nothing changed since the date", async () => {
    const payload = await digest.run({ subcommand: "preview", since: "2025-03-01" }, deps);
    expect(payload.content).toBe("Preview: only you see this.\nNo changes in Talks to end the war in Ukraine since 2025-03-01.");
  });

  it.each(["2025-02-30", "yesterday", "2025-2-1"])("rejects since:%s with the expected form", async (since) => {
    await expect(Promise.resolve().then(() => digest.run({ subcommand: "preview", since }, deps))).rejects.toThrow(
      `since must be a date as YYYY-MM-DD, such as 2025-02-01; "${since}" is not one.`,
    );
  });

  it("sends subscribing to Discord", () => {
    expect(() => digest.run({ subcommand: "subscribe", channel: "1", schedule: "hourly" }, deps)).toThrow(UserError);
    expect(() => digest.run({ subcommand: "list" }, deps)).toThrow("/digest list works in a Discord server; here, try /digest preview.");
  });
});

describe("/digest definition and autocomplete", () => {
  it("is for server managers by default and only in servers", () => {
    expect(digest.definition.default_member_permissions).toBe("32");
    expect(digest.definition.contexts).toEqual([0]);
    expect(digest.definition.options?.map((o) => o.name)).toEqual(["subscribe", "unsubscribe", "list", "preview"]);
  });

  it("offers schedule presets, echoing a valid cron as typed", () => {
    expect(digest.autocomplete!("schedule", "daily", deps).map((c) => c.value)).toEqual(["daily 08:00", "daily 18:00"]);
    expect(digest.autocomplete!("schedule", "30 7 * * 1-5", deps).map((c) => c.value)).toEqual(["30 7 * * 1-5"]);
  });

  it("offers time zones by any part of their name, at most 25", () => {
    expect(digest.autocomplete!("timezone", "kyiv", deps).map((c) => c.value)).toContain("Europe/Kyiv");
    expect(digest.autocomplete!("timezone", "new york", deps).map((c) => c.value)).toEqual(["America/New_York"]);
    expect(digest.autocomplete!("timezone", "", deps)).toHaveLength(25);
  });
});
