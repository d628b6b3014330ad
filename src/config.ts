import { z } from "zod";

/**
 * Settings, read once from the environment (and .env) at start. Every problem names the
 * setting and points to .env.example; the token's value never appears in a message.
 */
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z.object({
  DISCORD_TOKEN: optionalText.pipe(z.string().regex(/^[\w.-]+$/, { error: "expected a bot token (letters, digits, dots, dashes)" }).optional()),
  DISCORD_GUILD_ID: optionalText.pipe(z.string().regex(/^\d{17,20}$/, { error: "expected a server (guild) id: 17 to 20 digits" }).optional()),
  DISCORD_REST_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: "expected an http(s) URL such as https://discord.com/api" })
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
  ),
  LOG_LEVEL: optionalText.pipe(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  DATA_DIR: optionalText.pipe(z.string().default("data")),
  STATE_DB: optionalText.pipe(z.string().default("state/storyline.sqlite")),
  CACHE_DIR: optionalText.pipe(z.string().default(".cache/storyline")),
  HEARTBEAT_FILE: optionalText,
});

export interface Config {
  discordToken?: string;
  discordGuildId?: string;
  discordRestUrl?: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  dataDir: string;
  stateDb: string;
  cacheDir: string;
  /** Touched while the bot runs, for a container's health check; unset: none. */
  heartbeatFile?: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function readConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}\nSee .env.example for every setting and its format.`);
  }
  const e = result.data;
  return {
    ...(e.DISCORD_TOKEN ? { discordToken: e.DISCORD_TOKEN } : {}),
    ...(e.DISCORD_GUILD_ID ? { discordGuildId: e.DISCORD_GUILD_ID } : {}),
    ...(e.DISCORD_REST_URL ? { discordRestUrl: e.DISCORD_REST_URL } : {}),
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    stateDb: e.STATE_DB,
    cacheDir: e.CACHE_DIR,
    ...(e.HEARTBEAT_FILE ? { heartbeatFile: e.HEARTBEAT_FILE } : {}),
  };
}
