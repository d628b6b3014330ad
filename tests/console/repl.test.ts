import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { pino } from "pino";
import { commands } from "../../commands/index.js";
import { runRepl } from "../../src/console/repl.js";
import { depsOf } from "../builders.js";
import { loadSeed } from "../seed.js";

describe("the interactive console", () => {
  it("answers each line in order, explains bad lines and keeps going until exit", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk) => (printed += String(chunk)));
    const repl = runRepl({ commands, deps: depsOf(await loadSeed()), log: pino({ level: "silent" }), input, output });
    input.end("/status topic:call\n/nope\n/quote speaker:Peskov\nexit\n/help\n");
    await repl.done;
    const call = printed.indexOf("Trump–Putin call: Unconfirmed");
    const unknown = printed.indexOf("Unknown command /nope");
    const peskov = printed.indexOf("Quotes from Dmitry Peskov");
    expect([call, unknown, peskov].every((i) => i >= 0)).toBe(true);
    expect(call < unknown && unknown < peskov).toBe(true);
    expect(printed).not.toContain("Storyline\n=========");
  });
});
