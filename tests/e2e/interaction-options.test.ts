import { describe, expect, it } from "vitest";
import type { CommandInteractionOption } from "discord.js";
import { toOptions } from "../../src/discord/interaction-options.js";

describe("turning Discord's option tree into run's options", () => {
  it("flattens a subcommand and keeps typed values", () => {
    const data = [
      {
        name: "subscribe",
        type: 1,
        options: [
          { name: "channel", type: 7, value: "123" },
          { name: "quiet", type: 5, value: false },
          { name: "schedule", type: 3, value: "daily 08:00" },
        ],
      },
    ] as unknown as CommandInteractionOption[];
    expect(toOptions(data)).toEqual({ subcommand: "subscribe", channel: "123", quiet: false, schedule: "daily 08:00" });
  });

  it("recognises a subcommand that has no options", () => {
    expect(toOptions([{ name: "list", type: 1 }] as CommandInteractionOption[])).toEqual({ subcommand: "list" });
  });

  it("passes plain options through", () => {
    expect(toOptions([{ name: "speaker", type: 3, value: "Peskov" }] as CommandInteractionOption[])).toEqual({ speaker: "Peskov" });
  });
});
