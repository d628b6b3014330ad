import { UserError } from "../errors.js";
import { civilFromDays, daysFromCivil, firstOfNextMonth } from "./civil-days.js";
import { type CronFields, runsOnDay } from "./cron-fields.js";

/** How often a digest may run at most, and how long it may stay silent at most. */
export const MIN_MINUTES_BETWEEN_RUNS = 30;
export const MAX_DAYS_BETWEEN_RUNS = 31;

const DAY_MINUTES = 24 * 60;
// Eight years from 2000 hold every day-of-month, weekday and leap-day combination that matters.
const SAMPLE_FROM = daysFromCivil(2000, 1, 1);
const SAMPLE_TO = daysFromCivil(2008, 1, 1);

/**
 * Refuses schedules that would flood a channel or never (or hardly ever) run. Computed from
 * the fields alone, so the cost is a few thousand integer steps whatever the expression.
 */
export function checkBounds(cron: string, fields: CronFields): void {
  const { times } = fields;
  const gaps = times.map((t, i) => (i === 0 ? times[0]! + DAY_MINUTES - times[times.length - 1]! : t - times[i - 1]!));
  const shortest = Math.min(...gaps);
  if (shortest < MIN_MINUTES_BETWEEN_RUNS) {
    throw new UserError(`"${cron}" runs every ${shortest} minute${shortest === 1 ? "" : "s"}; a digest may run at most every ${MIN_MINUTES_BETWEEN_RUNS} minutes. Try hourly.`);
  }
  let previous: number | undefined;
  let longest = 0;
  for (let day = SAMPLE_FROM; day < SAMPLE_TO; ) {
    if (!fields.month.has(civilFromDays(day).month)) {
      day = firstOfNextMonth(day);
      continue;
    }
    if (runsOnDay(fields, day)) {
      longest = Math.max(longest, previous === undefined ? day - SAMPLE_FROM : day - previous);
      previous = day;
    }
    day++;
  }
  if (previous === undefined) throw new UserError(`"${cron}" never runs: no month has that day. ${MAX_RUN_HINT}`);
  longest = Math.max(longest, SAMPLE_TO - previous);
  if (longest > MAX_DAYS_BETWEEN_RUNS) {
    throw new UserError(`"${cron}" can go ${longest} days without a run; a digest must run at least every ${MAX_DAYS_BETWEEN_RUNS} days. ${MAX_RUN_HINT}`);
  }
}

const MAX_RUN_HINT = "For a monthly digest use a day every month has, such as 0 9 1 * * (the 1st at 09:00).";

