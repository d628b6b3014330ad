import { afterEach, describe, expect, it } from "vitest";
import { string, startTestBot, type TestBot } from "./harness.js";

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const EVIL = "[x](https://evil.example) @everyone <@123> **Bold**";

/** A UserError echoes what was typed; through Discord it comes back as text. */
describe("an error message that echoes the user's input", { timeout: 15_000 }, () => {
  it("shows the input as text, with no link, mention or markup", async () => {
    bot = await startTestBot();
    for (const spec of [
      { name: "quote", options: [string("story", EVIL)] },
      { name: "digest", options: [{ name: "preview", type: 1, options: [string("since", EVIL)] }] },
    ]) {
      const ix = await bot.discord.sendCommand(spec);
      const content = String(ix.callback!.data.content);
      expect(content).toContain("\\[x\\](https\\://evil.example)");
      expect(content).not.toMatch(/(?<!\\)\[x\]/);
      expect(content).not.toMatch(/@everyone|(?<!\\)<@|(?<!\\)\*\*/);
    }
  });
});
