import { UserError } from "../errors.js";
import { civilFromDays, weekdayOf } from "./civil-days.js";

/** A parsed 5-field cron expression. Days follow classic cron: both restricted means either may match. */
export interface CronFields {
  /** Minutes of the day (hour × 60 + minute) the schedule runs at, ascending. */
  times: number[];
  dayOfMonth: ReadonlySet<number>;
  month: ReadonlySet<number>;
  dayOfWeek: ReadonlySet<number>;
  dayOr: boolean;
}

export const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
export const EXAMPLES = 'Use hourly, daily 08:00, weekly mon 08:00, or a 5-field cron expression such as "30 7 * * 1-5".';

export function parseCron(cron: string): CronFields {
  const parts = cron.split(" ");
  if (parts.length !== 5) throw new UserError(`"${cron}" is not a schedule I know. ${EXAMPLES}`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = parts as [string, string, string, string, string];
  const days = parseField(dayOfWeek, 0, 7, "day of week", DAYS);
  if (days.has(7)) days.add(0);
  days.delete(7);
  const minutes = [...parseField(minute, 0, 59, "minute")];
  const hours = [...parseField(hour, 0, 23, "hour")];
  return {
    times: hours.flatMap((h) => minutes.map((m) => h * 60 + m)).sort((a, b) => a - b),
    dayOfMonth: parseField(dayOfMonth, 1, 31, "day of month"),
    month: parseField(month, 1, 12, "month", MONTHS, 1),
    dayOfWeek: days,
    dayOr: !dayOfMonth.startsWith("*") && !dayOfWeek.startsWith("*"),
  };
}

/** Whether the schedule runs on this local date (epoch days). */
export function runsOnDay(fields: CronFields, days: number): boolean {
  const date = civilFromDays(days);
  if (!fields.month.has(date.month)) return false;
  const dom = fields.dayOfMonth.has(date.day);
  const dow = fields.dayOfWeek.has(weekdayOf(days));
  return fields.dayOr ? dom || dow : dom && dow;
}

function parseField(field: string, min: number, max: number, name: string, names: string[] = [], nameBase = 0): Set<number> {
  const values = new Set<number>();
  const value = (text: string) => {
    const named = names.indexOf(text);
    const n = named >= 0 ? named + nameBase : /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(n >= min && n <= max)) throw new UserError(`"${text}" is not a valid ${name} (${min} to ${max}) in the cron expression. ${EXAMPLES}`);
    return n;
  };
  for (const part of field.split(",")) {
    const match = /^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new UserError(`"${part}" is not a valid ${name} in the cron expression. ${EXAMPLES}`);
    // "5/15" reads as "5-max/15", as in most cron dialects.
    const [from, to] = match[1] === "*" ? [min, max] : match[1]!.includes("-") ? match[1]!.split("-").map(value) : [value(match[1]!), match[2] ? max : value(match[1]!)];
    const step = match[2] ? Number(match[2]) : 1;
    if (step < 1 || from! > to!) throw new UserError(`"${part}" is not a valid ${name} range in the cron expression. ${EXAMPLES}`);
    for (let n = from!; n <= to!; n += step) values.add(n);
  }
  return values;
}
