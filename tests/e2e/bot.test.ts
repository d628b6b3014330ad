import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Command } from "../../src/command-kit/command.js";
import { reply } from "../../src/message/limits.js";
import { UserError } from "../../src/core/errors.js";
import { CallbackType } from "../fake-discord/index.js";
import { type TestBot, embedsOf, startTestBot, string } from "./harness.js";

const EPHEMERAL = 64;
let running: TestBot | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});
const start = async (options?: Parameters<typeof startTestBot>[0]) => (running = await startTestBot(options));

const definition = (name: string) => ({ name, description: `Test command ${name}` });
const broken: Command = {
  definition: definition("broken"),
  run() {
    throw new Error("index out of range");
  },
};
const refused: Command = {
  definition: definition("refused"),
  run() {
    throw new UserError("That date is in the future.");
  },
};
const brokenChoices: Command = {
  definition: { name: "pick", description: "Test command pick", options: [{ type: 3, name: "thing", description: "A thing", autocomplete: true }] },
  run: () => reply({ title: "picked" }),
  autocomplete() {
    throw new Error("choices exploded");
  },
};
const slow: Command = {
  definition: definition("slow"),
  async run() {
    await sleep(400);
    return reply({ title: "Took a while" });
  },
};

describe("Storyline on (fake) Discord, through the real discord.js client", { timeout: 15_000 }, () => {
  it("logs in and logs ready with the guild count", async () => {
    const { logs, discord } = await start();
    expect(logs.find((l) => l.msg === "Ready")).toMatchObject({ guilds: 1 });
    const identify = discord.frames.find((f) => f.direction === "in" && f.op === 2);
    expect((identify?.d as { intents: number }).intents).toBe(1); // Guilds only
  });

  it("answers /quote, /conditions and /status with the right embeds, pinging nobody", async () => {
    const { discord, logs } = await start();
    const quote = await (await discord.sendCommand({ name: "quote", options: [string("speaker", "Peskov")] })).waitForFinal();
    expect(embedsOf(quote)[0]).toMatchObject({ title: "Quotes from Dmitry Peskov" });
    expect(embedsOf(quote)[0]!.fields).toHaveLength(2);
    const conditions = await (await discord.sendCommand({ name: "conditions", options: [string("party", "russia")] })).waitForFinal();
    expect(embedsOf(conditions)[0]).toMatchObject({ title: "Conditions: Russia", fields: [{ name: "Russia — Vladimir Putin" }] });
    const status = await (await discord.sendCommand({ name: "status" })).waitForFinal();
    expect(embedsOf(status)[0]!.fields![0]!.name).toBe("Trump–Putin call: Unconfirmed");
    const help = await (await discord.sendCommand({ name: "help" })).waitForFinal();
    expect(embedsOf(help)[0]!.title).toBe("Storyline");

    const callbacks = discord.requests.filter((r) => r.path.endsWith("/callback"));
    expect(callbacks).toHaveLength(4);
    for (const request of callbacks) expect((request.body as { data: { allowed_mentions: unknown } }).data.allowed_mentions).toEqual({ parse: [] });
    // The log line follows Discord's answer to the callback, so it may land a moment after the reply.
    const answered = await vi.waitFor(() => {
      const lines = logs.filter((l) => l.msg === "Command answered");
      expect(lines.map((l) => l.command)).toEqual(["quote", "conditions", "status", "help"]);
      return lines;
    });
    for (const line of answered) expect(typeof line.ms).toBe("number");
  });

  it("answers autocomplete with choices", async () => {
    const { discord } = await start();
    const choices = await discord.sendAutocomplete({ name: "quote", options: [string("speaker", "pes", true)] });
    expect(choices).toEqual([{ name: "Dmitry Peskov — Kremlin spokesperson", value: "Dmitry Peskov" }]);
    const topics = await discord.sendAutocomplete({ name: "status", options: [string("topic", "meet", true)] });
    expect(topics.map((c) => c.value)).toEqual(["Trump–Putin meeting", "Trump–Zelenskyy meeting"]);
  });

  it("answers a failing autocomplete with no choices, and logs the bug", async () => {
    const { discord, logs } = await start({ extraCommands: [brokenChoices] });
    expect(await discord.sendAutocomplete({ name: "pick", options: [string("thing", "x", true)] })).toEqual([]);
    expect(logs.find((l) => l.msg === "Autocomplete failed")).toMatchObject({ command: "pick", err: { message: "choices exploded" } });
  });

  it("shows a bug as an ephemeral reference the log can find, and a user mistake as itself", async () => {
    const { discord, logs } = await start({ extraCommands: [broken, refused] });
    const ix = await discord.sendCommand({ name: "broken" });
    expect(ix.callback).toMatchObject({ type: CallbackType.Reply, data: { content: `Something went wrong (ref ${ix.id}).`, flags: EPHEMERAL } });
    await vi.waitFor(() => expect(logs.find((l) => l.msg === "Command failed")).toBeDefined());
    expect(logs.find((l) => l.msg === "Command failed")).toMatchObject({ ref: ix.id, command: "broken", err: { message: "index out of range" } });

    const mistake = await discord.sendCommand({ name: "refused" });
    expect(mistake.callback).toMatchObject({ data: { content: "That date is in the future.", flags: EPHEMERAL } });
    expect(logs.filter((l) => l.msg === "Command failed")).toHaveLength(1);
  });

  it("defers a slow handler, then edits the reply", async () => {
    const { discord } = await start({ extraCommands: [slow], deferAfterMs: 150 });
    const ix = await discord.sendCommand({ name: "slow" });
    expect(ix.callback?.type).toBe(CallbackType.DeferReply);
    const final = await ix.waitForFinal();
    expect(embedsOf(final)[0]!.title).toBe("Took a while");
    expect(ix.events.map((e) => e.kind)).toEqual(["callback", "edit"]);
  });

  it("resumes after the gateway drops mid-session and answers the next interaction", async () => {
    const { discord, logs } = await start();
    discord.dropGateway();
    await discord.waitForResume(1);
    const final = await (await discord.sendCommand({ name: "quote", options: [string("speaker", "Trump")] })).waitForFinal();
    expect(embedsOf(final)[0]!.title).toBe("Quotes from Donald Trump");
    expect(discord.frames.filter((f) => f.direction === "in" && f.op === 2)).toHaveLength(1); // resumed, not re-identified
    expect(logs.some((l) => l.msg === "Gateway session resumed")).toBe(true);
  });

  it("waits out a 429 on the callback and still delivers the reply", async () => {
    const { discord } = await start();
    discord.failNext({ method: "POST", path: /\/callback$/, status: 429, retryAfter: 0.3 });
    const ix = await discord.sendCommand({ name: "status", options: [string("topic", "call")] });
    expect(embedsOf(ix.callback?.data)[0]!.title).toBe("Status: call");
    const attempts = discord.requests.filter((r) => r.path.endsWith("/callback"));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(250);
  });

  it("on shutdown, finishes the reply under way, turns new ones away, then disconnects", async () => {
    const test = await start({ extraCommands: [slow], deferAfterMs: 5_000 });
    const inFlight = await test.discord.sendCommand({ name: "slow" }, { wait: false });
    await sleep(50);
    const stopping = test.bot.shutdown();
    const late = await test.discord.sendCommand({ name: "help" });
    expect(late.callback?.data).toMatchObject({ content: "Storyline is restarting; try again in a moment.", flags: EPHEMERAL });
    await stopping;
    expect(embedsOf(await inFlight.waitForFinal())[0]!.title).toBe("Took a while");
    expect(test.logs.at(-1)?.msg).toBe("Disconnected from Discord");
    await test.discord.close();
    running = undefined;
  });
});
