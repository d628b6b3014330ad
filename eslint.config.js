import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", ".scratch/", "coverage/", "dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", URL: "readonly", Buffer: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // The story core is data in, data out: it must run without Discord, a scheduler or the environment.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "discord.js", message: "src/core is pure: Discord belongs in src/discord." },
            { name: "node-cron", message: "src/core is pure: scheduling belongs outside it." },
            { name: "dotenv", message: "src/core is pure: configuration is read in src/main.ts." },
            { name: "dotenv/config", message: "src/core is pure: configuration is read in src/main.ts." },
          ],
          patterns: [{ group: ["discord.js/*", "@discordjs/*", "node-cron/*", "dotenv/*"], message: "src/core is pure: no Discord, scheduler or dotenv imports." }],
        },
      ],
    },
  },
);
