import { pino, type Logger } from "pino";
import pretty from "pino-pretty";

export type { Logger };

/**
 * JSON logs, pretty when a person watches the terminal. The token is redacted wherever it
 * could appear, as a second line of defence: nothing should log it in the first place.
 */
export function createLogger(options: { level: string; destination?: 1 | 2; pretty?: boolean }): Logger {
  const destination = options.destination ?? 1;
  const base = {
    level: options.level,
    redact: { paths: ["token", "*.token", "headers.authorization", "*.headers.authorization", "DISCORD_TOKEN", "*.DISCORD_TOKEN", "MODEL_KEY", "*.MODEL_KEY", "apiKey", "*.apiKey"], censor: "[redacted]" },
  };
  const isTty = destination === 1 ? process.stdout.isTTY : process.stderr.isTTY;
  if (options.pretty ?? isTty) {
    return pino(base, pretty({ destination, colorize: isTty, ignore: "pid,hostname", translateTime: "SYS:HH:MM:ss" }));
  }
  return pino(base, pino.destination({ dest: destination, sync: true }));
}
