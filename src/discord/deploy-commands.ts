import { REST, Routes } from "discord.js";
import type { CommandDefinition } from "../command-kit/command.js";

export interface DeployResult {
  scope: "guild" | "global";
  changed: boolean;
  count: number;
}

/**
 * Registers the command definitions with Discord: in one guild when given (instant, for
 * development), else globally. Compares first, so a second run changes nothing.
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
  const current = (await rest.get(route)) as CommandDefinition[];
  if (sameDefinitions(current, options.definitions)) return { scope, changed: false, count: current.length };
  await rest.put(route, { body: options.definitions });
  return { scope, changed: true, count: options.definitions.length };
}

/** Discord echoes definitions back with ids and defaults filled in; compare only what we send. */
function sameDefinitions(current: readonly CommandDefinition[], wanted: readonly CommandDefinition[]): boolean {
  if (current.length !== wanted.length) return false;
  const byName = new Map(current.map((c) => [c.name, c]));
  return wanted.every((w) => {
    const c = byName.get(w.name) as Record<string, unknown> | undefined;
    return c !== undefined && Object.entries(w).every(([key, value]) => sameValue(c[key], value));
  });
}

function sameValue(actual: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted)) {
    return Array.isArray(actual) && actual.length === wanted.length && wanted.every((w, i) => sameValue(actual[i], w));
  }
  if (wanted !== null && typeof wanted === "object") {
    if (actual === null || typeof actual !== "object") return false;
    return Object.entries(wanted).every(([key, value]) => sameValue((actual as Record<string, unknown>)[key], value));
  }
  return actual === wanted;
}
