import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { parseLine } from "../../src/console/parse-line.js";
import { resolveInvocation } from "../../src/console/resolve-options.js";

describe("parsing a console line", () => {
  it("reads the command and name:value options, quoted values keeping their spaces", () => {
    expect(parseLine('/quote speaker:Peskov query:"stop dying"')).toEqual({ command: "quote", words: [], options: { speaker: "Peskov", query: "stop dying" } });
  });

  it("reads escaped quotes inside a quoted value, and Unicode names", () => {
    expect(parseLine('/quote query:"he said \\"no\\"" speaker:Ružnják').options).toEqual({ query: 'he said "no"', speaker: "Ružnják" });
  });

  it("reads subcommand words before the options", () => {
    expect(parseLine("/digest preview since:2025-02-01")).toEqual({ command: "digest", words: ["preview"], options: { since: "2025-02-01" } });
  });

  it.each([
    ["quote speaker:Peskov", /^A command starts with \/ and its name/],
    ["/quote speaker:", /The option speaker has no value/],
    ['/quote query:"stop dying', /The value of query opens a quote that never closes/],
    ["/quote query:stop dying", /"dying" has no value: write options as name:value/],
    ["/quote speaker:a speaker:b", /The option speaker is given twice/],
    ['/quote query:"a"b', /Expected a space after the closing quote of query/],
    ['/quote query:a"b', /stray quote/],
    ["/quote :x", /Unexpected ":x"/],
  ])("rejects %s clearly", (line, message) => {
    expect(() => parseLine(line)).toThrow(message);
  });
});

describe("checking a line against the commands", () => {
  const resolve = (line: string) => resolveInvocation(parseLine(line), commands);

  it("hands the command its options", () => {
    const { command, options } = resolve("/quote speaker:Peskov");
    expect(command.definition.name).toBe("quote");
    expect(options).toEqual({ speaker: "Peskov" });
  });

  it("names the known commands for an unknown one", () => {
    expect(() => resolve("/quotes")).toThrow("Unknown command /quotes. Commands: /quote, /conditions, /status, /brief, /timeline, /who, /whosaid, /digest, /help.");
  });

  it("names the known options for an unknown one", () => {
    expect(() => resolve("/quote who:Peskov")).toThrow('Unknown option "who" for /quote. Options: query, speaker, story.');
    expect(() => resolve("/help topic:x")).toThrow('Unknown option "topic" for /help. It takes no options.');
  });

  it("rejects words where options belong", () => {
    expect(() => resolve("/status meeting")).toThrow(/Unexpected "meeting": write options as name:value/);
  });

  it("enforces the definition's length limits", () => {
    expect(() => resolve(`/quote speaker:${"x".repeat(101)}`)).toThrow("speaker in /quote can be at most 100 characters.");
  });
});
