import { pino, type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import { serializeError, stripUrlTokens } from "./log-redaction.js";

export type { Logger };

/**
 * JSON logs, pretty when a person watches the terminal. The token is redacted wherever it
 * could appear, as a second line of defence: nothing should log it in the first place.
 * Errors lose interaction tokens and request bodies (see log-redaction.ts), and so do messages.
 */
export function createLogger(options: { level: string; destination?: 1 | 2; pretty?: boolean; /** Tests: capture the JSON lines. */ stream?: DestinationStream }): Logger {
  const destination = options.destination ?? 1;
  const base = {
    level: options.level,
    redact: { paths: ["token", "*.token", "headers.authorization", "*.headers.authorization", "DISCORD_TOKEN", "*.DISCORD_TOKEN"], censor: "[redacted]" },
    serializers: { err: serializeError, error: serializeError },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger["info"]>, method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === "string" ? stripUrlTokens(a) : a)));
      },
    },
  };
  if (options.stream) return pino(base, options.stream);
  const isTty = destination === 1 ? process.stdout.isTTY : process.stderr.isTTY;
  if (options.pretty ?? isTty) {
    return pino(base, pretty({ destination, sync: true, colorize: isTty, ignore: "pid,hostname", translateTime: "SYS:HH:MM:ss" }));
  }
  return pino(base, pino.destination({ dest: destination, sync: true }));
}
