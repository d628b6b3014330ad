import { config as loadDotenv } from "dotenv";
import { commands } from "../commands/index.js";
import { ConfigError, readConfig } from "./config.js";
import { deployCommands } from "./discord/deploy-commands.js";

/** `npm run deploy-commands`: registers every command, from the same definitions the handlers use. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = readConfig(process.env);
  if (!config.discordToken) throw new ConfigError("DISCORD_TOKEN is not set: deploying commands needs the bot's token. See .env.example.");
  const result = await deployCommands({
    token: config.discordToken,
    definitions: commands.map((c) => c.definition),
    ...(config.discordGuildId ? { guildId: config.discordGuildId } : {}),
    ...(config.discordRestUrl ? { restUrl: config.discordRestUrl } : {}),
  });
  const where = result.scope === "guild" ? `in server ${config.discordGuildId}` : "globally (may take up to an hour to show everywhere)";
  process.stdout.write(
    result.changed ? `Registered ${result.count} commands ${where}.\n` : `The ${result.count} commands ${where} are already up to date; nothing changed.\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `Deploying commands failed: ${(error as Error).message}`}\n`);
  process.exitCode = 1;
});
