import { afterEach, describe, expect, it } from "vitest";
import type { ActionRow } from "../../src/command-kit/command.js";
import { pageId } from "../../src/command-kit/paging.js";
import { CallbackType, type Payload } from "../fake-discord/index.js";
import { type TestBot, embedsOf, startTestBot, string } from "./harness.js";

const EPHEMERAL = 64;
let running: TestBot | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});
const start = async (options?: Parameters<typeof startTestBot>[0]) => (running = await startTestBot(options));

const buttons = (message: Payload) => ((message.components ?? []) as ActionRow[]).flatMap((row) => row.components);
const button = (message: Payload, label: RegExp) => buttons(message).find((b) => label.test(b.label!))!;

describe("summaries on (fake) Discord", { timeout: 20_000 }, () => {
  it("pages an answer in place: Older and Newer edit the same message, for any reader", async () => {
    const { discord } = await start();
    const ix = await discord.sendCommand({ name: "quote", options: [string("speaker", "Trump")] });
    const message = await ix.waitForFinal();
    expect(embedsOf(message)[0]!.footer!.text).toMatch(/Page 1 of 2/);
    expect(button(message, /Newer/).disabled).toBe(true);
    const channel = String(message.channel_id);
    const before = discord.messages(channel).length;

    const stranger = { id: "999000111222333444", username: "stranger" };
    const older = await discord.pressButton(message, button(message, /Older/).custom_id, { user: stranger });
    expect(older.callback?.type).toBe(CallbackType.Update);
    expect((older.callback?.data.allowed_mentions as unknown)).toEqual({ parse: [] });
    const edited = discord.messages(channel).find((m) => m.id === message.id)!;
    expect(discord.messages(channel)).toHaveLength(before);
    expect(embedsOf(edited)[0]!.footer!.text).toMatch(/Page 2 of 2/);
    expect(button(edited, /Older/).disabled).toBe(true);

    const newer = await discord.pressButton(edited, button(edited, /Newer/).custom_id);
    expect(newer.callback?.type).toBe(CallbackType.Update);
    expect(embedsOf(discord.messages(channel).find((m) => m.id === message.id))[0]!.footer!.text).toMatch(/Page 1 of 2/);
  });

  it("answers a press after 15 minutes with a private note, leaving the message as it was", async () => {
    let now = new Date("2025-03-10T12:00:00Z");
    const { discord } = await start({ now: () => now });
    const message = await (await discord.sendCommand({ name: "quote", options: [string("speaker", "Trump")] })).waitForFinal();
    now = new Date(now.getTime() + 16 * 60_000);
    const press = await discord.pressButton(message, button(message, /Older/).custom_id);
    expect(press.callback).toMatchObject({ type: CallbackType.Reply, data: { flags: EPHEMERAL } });
    expect(String(press.callback!.data.content)).toMatch(/stopped working 15 minutes after/);
    expect(embedsOf(discord.messages(String(message.channel_id)).find((m) => m.id === message.id))[0]!.footer!.text).toMatch(/Page 1 of 2/);
  });

  it("pages from the button and the message alone, as after a restart, and refuses a tampered one", async () => {
    const { discord } = await start();
    const message = await (await discord.sendCommand({ name: "quote", options: [string("speaker", "Trump")] })).waitForFinal();
    const older = button(message, /Older/).custom_id;
    const [, , , created, digest] = older.split(":");
    // A button made by an earlier run of the bot: nothing but the custom_id and the message carry the state.
    const forged = pageId({ command: "quote", page: 2, created: new Date(parseInt(created!, 36) * 1000), digest: digest! });
    expect((await discord.pressButton(message, forged)).callback?.type).toBe(CallbackType.Update);
    const tampered = pageId({ command: "quote", page: 2, created: new Date(parseInt(created!, 36) * 1000), digest: "abc" });
    const refused = await discord.pressButton(message, tampered);
    expect(refused.callback).toMatchObject({ type: CallbackType.Reply, data: { flags: EPHEMERAL } });
  });

  it("answers Who said this? on a pasted quote with a typo, privately, naming the speaker", async () => {
    const { discord } = await start();
    const channel = discord.guilds[0]!.channels[0]!.id;
    const pasted = discord.postMessage(channel, "did the kremlin really say “I can nether confirm nor deny it”??");
    const ix = await discord.sendMessageCommand("Who said this?", pasted);
    expect(ix.callback).toMatchObject({ type: CallbackType.Reply, data: { flags: EPHEMERAL, allowed_mentions: { parse: [] } } });
    const embed = embedsOf(ix.callback!.data)[0]!;
    expect(embed.title).toBe("Who said this? Dmitry Peskov");
    expect(embed.fields![0]!.value).toContain("9 Feb 2025");

    const chatter = discord.postMessage(channel, "anyone up for lunch on friday?");
    const none = await discord.sendMessageCommand("Who said this?", chatter);
    expect(embedsOf(none.callback!.data)[0]!.title).toBe("Not in the story");
  });

  it("uploads the timeline picture with the embed that shows it", async () => {
    const { discord } = await start();
    const ix = await discord.sendCommand({ name: "timeline" });
    const final = await ix.waitForFinal();
    expect(embedsOf(final)[0]!.image).toEqual({ url: "attachment://timeline.png" });
    expect((final.attachments as Payload[]).map((a) => a.filename)).toEqual(["timeline.png"]);
    const upload = discord.requests.find((r) => r.path.endsWith("/callback") && r.files?.length);
    const file = upload!.files![0]!;
    expect(file.filename).toBe("timeline.png");
    expect(file.data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});
