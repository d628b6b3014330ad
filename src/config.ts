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
  MODEL_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: "expected the http(s) base URL of an OpenAI-compatible API, such as http://localhost:11434/v1" })
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
  ),
  MODEL_NAME: optionalText.pipe(z.string().max(200, { error: "expected a model name of at most 200 characters" }).optional()),
  MODEL_KEY: optionalText.pipe(z.string().regex(/^[\x21-\x7e]+$/, { error: "expected an API key (printable characters, no spaces)" }).optional()),
  MODEL_TIMEOUT_MS: optionalText.pipe(positiveInt(1_000, 600_000, "milliseconds").default(60_000)),
  MODEL_MAX_CALLS_PER_HOUR: optionalText.pipe(positiveInt(1, 100_000, "calls").default(100)),
  FOLLOW_EVERY: optionalText.pipe(
    z
      .string()
      .regex(/^(off|\d+\s*(s|m|h))$/i, { error: 'expected a duration such as 15m, 90s or 1h, or "off"' })
      .transform(durationMs)
      .refine((ms) => ms === 0 || (ms >= 60_000 && ms <= 86_400_000), { error: "expected between 1m and 24h (or off)" })
      .default(15 * 60_000),
  ),
  FOLLOW_CONTACT: optionalText.pipe(
    z
      .string()
      .regex(/^(https?:\/\/[^\s()<>]+|mailto:[^\s()<>]+|[^\s@()<>]+@[^\s@()<>]+)$/, { error: "expected a URL or an e-mail address where site owners can reach you" })
      .optional(),
  ),
}).superRefine((env, ctx) => {
  if (env.MODEL_URL && !env.MODEL_NAME) ctx.addIssue({ code: "custom", path: ["MODEL_NAME"], message: "required when MODEL_URL is set (e.g. llama3.1 for Ollama)" });
});

/** A whole number in a range, written in the environment as text. */
function positiveInt(min: number, max: number, unit: string) {
  const range = { error: `expected ${min} to ${max} ${unit}` };
  return z
    .string()
    .regex(/^\d+$/, { error: `expected a whole number of ${unit}` })
    .transform(Number)
    .pipe(z.number().min(min, range).max(max, range));
}

function durationMs(text: string): number {
  const match = /^(\d+)\s*([smh])$/i.exec(text);
  if (!match) return 0;
  return Number(match[1]) * { s: 1_000, m: 60_000, h: 3_600_000 }[match[2]!.toLowerCase() as "s" | "m" | "h"];
}

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
  /** Model-backed extraction; absent when MODEL_URL is unset, and then rules alone extract. */
  model?: ModelConfig;
  /** How often followed feeds are polled, in ms; 0 turns following off in `npm start`. */
  followEveryMs: number;
  /** Put in the follower's User-Agent so site owners can reach whoever runs the bot. */
  followContact?: string;
}

export interface ModelConfig {
  url: string;
  name: string;
  /** Sent as the bearer token; never logged. */
  key?: string;
  timeoutMs: number;
  maxCallsPerHour: number;
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
    ...(e.MODEL_URL && e.MODEL_NAME
      ? { model: { url: e.MODEL_URL, name: e.MODEL_NAME, ...(e.MODEL_KEY ? { key: e.MODEL_KEY } : {}), timeoutMs: e.MODEL_TIMEOUT_MS, maxCallsPerHour: e.MODEL_MAX_CALLS_PER_HOUR } }
      : {}),
    followEveryMs: e.FOLLOW_EVERY,
    ...(e.FOLLOW_CONTACT ? { followContact: e.FOLLOW_CONTACT } : {}),
  };
}
