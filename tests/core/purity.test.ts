import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

describe("the lint rule that keeps src/core pure", () => {
  const eslint = new ESLint();
  const lint = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.message);

  it.each(["discord.js", "node-cron", "dotenv", "dotenv/config", "@discordjs/rest"])("rejects %s in src/core", async (module) => {
    const messages = await lint("src/core/example.ts", `import "${module}";\n`);
    expect(messages.join("\n")).toMatch(/src\/core is pure/);
  });

  it("allows them outside src/core", async () => {
    expect(await lint("src/discord/example.ts", 'import "discord.js";\n')).toEqual([]);
  });
});
