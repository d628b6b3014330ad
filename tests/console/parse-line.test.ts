import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { parseLine } from "../../src/console/parse-line.js";
import { optionNamesOf, resolveInvocation } from "../../src/console/resolve-options.js";

const asTyped = (line: string) => parseLine(line, optionNamesOf(commands));

describe("parsing a console line as a person types it", () => {
  it("takes a value up to the next option's name, as Discord's client fills its fields", () => {
    expect(asTyped("/quote speaker:Maxim Horvet")).toEqual({ command: "quote", words: [], options: { speaker: "Maxim Horvet" } });
    expect(asTyped("/quote query:people stop dying speaker:Donald  Trump ").options).toEqual({ query: "people stop dying", speaker: "Donald  Trump" });
    expect(asTyped("/quote Speaker:Dmitry Peskov QUERY:many").options).toEqual({ speaker: "Dmitry Peskov", query: "many" });
  });

  it("keeps a colon that is not an option's name inside the value", () => {
    expect(asTyped("/digest subscribe channel:#news schedule:daily 08:00 timezone:Europe/Kyiv")).toEqual({
      command: "digest",
      words: ["subscribe"],
      options: { channel: "#news", schedule: "daily 08:00", timezone: "Europe/Kyiv" },
    });
    expect(asTyped("/quote query:he said: no deal speaker:Peskov").options).toEqual({ query: "he said: no deal", speaker: "Peskov" });
    expect(asTyped('/quote query:the "red lines" again').options).toEqual({ query: 'the "red lines" again' });
  });

  it("still reads quoted values, which may hold text that looks like an option", () => {
    expect(asTyped('/quote query:"speaker:Peskov said" speaker:Trump').options).toEqual({ query: "speaker:Peskov said", speaker: "Trump" });
  });

  it("does not take an option name for one it was given already because objects have it", () => {
    const resolve = (line: string) => resolveInvocation(asTyped(line), commands);
    expect(() => resolve("/quote constructor:x")).toThrow('Unknown option "constructor" for /quote. Options: query, speaker, story.');
    expect(() => resolve("/quote toString:x")).toThrow('Unknown option "tostring" for /quote.');
    expect(() => resolve("/quote __proto__:x")).toThrow('Unknown option "__proto__" for /quote.');
    expect(() => resolve("/quote speaker:a speaker:b")).toThrow("The option speaker is given twice.");
  });

  it.each([
    ["/quote speaker:", /The option speaker has no value/],
    ["/quote speaker: query:x", /The option speaker has no value/],
    ['/quote query:"a" b', /Unexpected "b": write options as name:value/],
  ])("says what is wrong with %s", (line, message) => {
    expect(() => asTyped(line)).toThrow(message);
  });
});

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
    ["/quote speaker:a speaker:b", /The option speaker is given twice/],
    ['/quote query:"a"b', /Expected a space after the closing quote of query/],
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
