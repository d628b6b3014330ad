import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Discord's numbers come from discord-api-types; a copied bit or enum value drifts silently when Discord changes. */
const HAND_COPIED = [
  { name: "a shifted bit", pattern: /\b1n? << \d+n?\b/ },
  { name: "an ephemeral flag as a number", pattern: /flags: 64\b/ },
  { name: "a component, option or command type as a number", pattern: /\b(type|style): [1-9]\b/ },
  { name: "channel types as numbers", pattern: /channel_types: \[\d/ },
  { name: "contexts as numbers", pattern: /contexts: \[\d/ },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : file.endsWith(".ts") ? [file] : [];
  });
}

describe("Discord's constants", () => {
  it("are never hand-copied into src/ or commands/", () => {
    const found = ["src", "commands"].flatMap(sourceFiles).flatMap((file) => {
      const text = readFileSync(file, "utf8");
      // Shifts that size a buffer are not Discord's.
      return HAND_COPIED.filter(({ pattern }) => text.split("\n").some((line) => pattern.test(line) && !/Uint32Array|maxBuffer/.test(line))).map(
        ({ name }) => `${file}: ${name}`,
      );
    });
    expect(found).toEqual([]);
  });
});
