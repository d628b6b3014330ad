import { UserError } from "../core/errors.js";
import { type Options, stringOption } from "./command.js";

/** A YYYY-MM-DD option, checked to be a real day; a helpful UserError otherwise. */
export function dateOption(options: Options, name: string): string | undefined {
  const text = stringOption(options, name);
  if (text === undefined) return undefined;
  const day = new Date(`${text}T00:00:00Z`);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
  if (!valid) throw new UserError(`${name} must be a date as YYYY-MM-DD, such as 2025-02-01; "${text.slice(0, 40)}" is not one.`);
  return text;
}
