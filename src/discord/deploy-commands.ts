import type { APIApplicationCommand } from "discord-api-types/v10";
import { REST, Routes } from "discord.js";
import type { CommandDefinition } from "../command-kit/command.js";

export interface DeployResult {
  scope: "guild" | "global";
  changed: boolean;
  count: number;
}

/** What Discord echoes back for a registered command; only what tells one version from another. */
type RegisteredCommand = Pick<APIApplicationCommand, "id" | "name" | "version">;

/**
 * Registers the command definitions with Discord: in one guild when given (instant, for
 * development), else globally.
 *
 * Always sends the whole list: a bulk overwrite is idempotent, and comparing our definitions
 * with Discord's echo first would need a table of every default Discord fills in (and misses
 * removals or new fields whenever that table is behind). Whether anything changed is read from
 * Discord itself: an overwrite that changes a command gives it a new `version`, an unchanged
 * command keeps its id and version.
 */
export async function deployCommands(options: {
  token: string;
  definitions: readonly CommandDefinition[];
  guildId?: string;
  restUrl?: string;
}): Promise<DeployResult> {
  const rest = new REST(options.restUrl ? { api: options.restUrl } : {}).setToken(options.token);
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  const route = options.guildId ? Routes.applicationGuildCommands(application.id, options.guildId) : Routes.applicationCommands(application.id);
  const scope = options.guildId ? "guild" : "global";
  const before = (await rest.get(route)) as RegisteredCommand[];
  const after = (await rest.put(route, { body: options.definitions })) as RegisteredCommand[];
  return { scope, changed: fingerprint(before) !== fingerprint(after), count: after.length };
}

function fingerprint(commands: readonly RegisteredCommand[]): string {
  return commands
    .map((c) => `${c.id}:${c.name}:${c.version ?? ""}`)
    .sort()
    .join("\n");
}
