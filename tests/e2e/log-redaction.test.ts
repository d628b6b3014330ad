import { afterEach, describe, expect, it } from "vitest";
import { string, startTestBot, type TestBot } from "./harness.js";

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

/** Interaction tokens are credentials for 15 minutes: a refused reply must not put them, or the reply, in the log. */
describe("a reply Discord refuses", { timeout: 15_000 }, () => {
  it("is logged with its error code, without the interaction token or the request body", async () => {
    bot = await startTestBot();
    const { discord, logs } = bot;
    discord.failNext({ method: "POST", path: /\/callback$/, status: 400, body: { message: "Invalid Form Body", code: 50035 } });

    const ix = await discord.sendCommand({ name: "quote", options: [string("speaker", "Peskov")] });

    // The bot tells the user something went wrong, and logs the refusal.
    expect(String(ix.callback!.data.content)).toMatch(/Something went wrong/);
    const failure = logs.find((l) => l.msg === "Command failed");
    expect(failure).toBeDefined();
    const err = failure!.err as Record<string, unknown>;
    expect(err.code).toBe(50035);
    expect(String(err.url)).toContain(`/interactions/${ix.id}/`);
    expect(err).not.toHaveProperty("requestBody");

    const text = JSON.stringify(logs);
    expect(text).not.toContain(ix.token);
    // The refused reply's content (Peskov's quotes) is not copied into the log either.
    expect(text).not.toMatch(/Peskov/i);
  });

  it("keeps webhook tokens out of the log when an edit of a deferred reply is refused", async () => {
    bot = await startTestBot({ deferAfterMs: 0, extraCommands: [slow] });
    const { discord, logs } = bot;
    discord.failNext({ method: "PATCH", path: /\/webhooks\/.*\/messages\/@original$/, status: 400, body: { message: "Invalid Form Body", code: 50035 } });

    const ix = await discord.sendCommand({ name: "slow-echo" });
    // The user still hears that it failed, in a private follow-up.
    await expect.poll(() => ix.followups.length).toBeGreaterThan(0);
    expect(logs.some((l) => l.msg === "Command failed")).toBe(true);
    const text = JSON.stringify(logs);
    expect(text).not.toContain(ix.token);
    expect(text).not.toContain("secret reply text");
  });
});

const slow = {
  definition: { name: "slow-echo", description: "Replies late" },
  async run() {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { embeds: [{ title: "secret reply text" }], allowedMentions: { parse: [] as [] } };
  },
};
