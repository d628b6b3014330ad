import { UserError } from "../core/errors.js";
import { isIsoDate } from "../core/schema.js";
import { type Options, stringOption } from "./command.js";

/** A YYYY-MM-DD option, checked to be a real day; a helpful UserError otherwise. */
export function dateOption(options: Options, name: string): string | undefined {
  const text = stringOption(options, name);
  if (text === undefined) return undefined;
  if (!isIsoDate(text)) throw new UserError(`${name} must be a date as YYYY-MM-DD, such as 2025-02-01; "${text.slice(0, 40)}" is not one.`);
  return text;
}
