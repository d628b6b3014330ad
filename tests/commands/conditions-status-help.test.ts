import { describe, expect, it } from "vitest";
import { conditions } from "../../commands/conditions.js";
import { help } from "../../commands/help.js";
import { commands } from "../../commands/index.js";
import { status } from "../../commands/status.js";
import { loadSeed } from "../seed.js";
import { expectSendable } from "./payload-checks.js";

const deps = depsOfSeed(await loadSeed());
function depsOfSeed(catalog: Awaited<ReturnType<typeof loadSeed>>) {
  return { catalog: () => catalog, now: () => new Date("2025-02-10T00:00:00Z") };
}

describe("/conditions", () => {
  it("shows both of Putin's conditions, grouped under Russia and its holder, firmest first", async () => {
    const payload = await conditions.run({ party: "russia" }, deps);
    expectSendable(payload);
    expect(payload.embeds[0]).toMatchObject({
      title: "Conditions: Russia",
      description: "2 conditions, firmest first.",
      fields: [
        {
          name: "Russia — Vladimir Putin",
          value:
            "• **Non-negotiable**: Ukraine is excluded from NATO and gives up its ambition to join (9 Feb 2025)\n" +
            "• **Firm**: Ukrainian forces withdraw from the four regions Russia claims (9 Feb 2025)",
        },
      ],
    });
  });

  it("says when a party has set no conditions, and when no party has that name", async () => {
    const none = await conditions.run({ party: "Ukraine" }, deps);
    expect(none.embeds[0]?.description).toBe("No conditions from Ukraine in Talks to end the war in Ukraine yet.\nParties with conditions: Russia.");
    const unknown = await conditions.run({ party: "Atlantis" }, deps);
    expect(unknown.embeds[0]?.description).toMatch(/^No party called "Atlantis" in Talks to end the war in Ukraine\.\n/);
  });

  it("completes parties and the people who hold conditions", () => {
    // Putin comes up too: his role, President of Russia, starts with what was typed.
    expect(conditions.autocomplete!("party", "ru", deps).map((c) => c.value)).toEqual(["Russia", "Vladimir Putin"]);
    expect(conditions.autocomplete!("party", "put", deps).map((c) => c.value)).toEqual(["Vladimir Putin"]);
  });
});

describe("/status", () => {
  it("shows every thread with its current state, date and detail, and the call's history", async () => {
    const payload = await status.run({}, deps);
    expectSendable(payload);
    const fields = payload.embeds[0]!.fields!;
    expect(fields.map((f) => f.name)).toEqual([
      "Trump–Putin call: Unconfirmed",
      "Trump–Putin meeting: Proposed",
      "Trump–Zelenskyy meeting: Planned",
      "Trump's plan to end the war: Claimed",
      "Rare earth minerals for US support: Proposed",
    ]);
    expect(fields[0]!.value).toBe(
      "**Unconfirmed** · 9 Feb 2025\nPeskov (Kremlin) neither confirms nor denies the call; the White House has not commented\n" +
        "Earlier:\n↳ Claimed · 9 Feb 2025: Trump says he recently spoke with Putin about ending the war, their first known direct contact since early 2022",
    );
    expect(fields[1]!.value).toContain("Saudi Arabia and the UAE");
    expect(fields[1]!.value).toContain("February or March");
  });

  it("narrows to a topic", async () => {
    const payload = await status.run({ topic: "meeting" }, deps);
    expect(payload.embeds[0]?.fields?.map((f) => f.name)).toEqual(["Trump–Putin meeting: Proposed", "Trump–Zelenskyy meeting: Planned"]);
  });

  it("offers the closest topics when none matches", async () => {
    const payload = await status.run({ topic: "ceasefire" }, deps);
    expect(payload.embeds[0]?.title).toBe("No matching thread");
    expect(payload.embeds[0]?.description).toMatch(/^No thread about "ceasefire" in Talks to end the war in Ukraine\.\n(Did you mean|Threads): /);
  });

  it("completes topics", () => {
    expect(status.autocomplete!("topic", "meet", deps).map((c) => c.value)).toEqual(["Trump–Putin meeting", "Trump–Zelenskyy meeting"]);
    expect(status.autocomplete!("topic", "", deps)).toHaveLength(5);
  });
});

describe("/help and the command list", () => {
  it("lists every command with an example", async () => {
    const payload = await help.run({}, deps);
    expectSendable(payload);
    const names = payload.embeds[0]!.fields!.map((f) => f.name);
    expect(names).toEqual(commands.map((c) => (c.definition.type === 3 ? c.definition.name : `/${c.definition.name}`)));
    expect(payload.embeds[0]!.fields![0]!.value).toContain("`/quote speaker:Peskov`");
  });

  it("defines commands Discord accepts: lowercase names, short descriptions, autocomplete only where handled", () => {
    for (const command of commands) {
      const { name, description, options = [], type = 1 } = command.definition;
      // Context-menu commands are named as the menu shows them, and have no description.
      expect(name).toMatch(type === 3 ? /^[\w ?'-]{1,32}$/ : /^[a-z-]{1,32}$/);
      expect(description.length).toBeLessThanOrEqual(type === 3 ? 0 : 100);
      for (const option of options) {
        expect(option.description.length).toBeLessThanOrEqual(100);
        if ("autocomplete" in option && option.autocomplete) expect(command.autocomplete, `${name}.${option.name}`).toBeDefined();
      }
    }
  });
});
