import { UserError } from "./errors.js";
import { DAY_MS, firstOfNextMonth, civilFromDays } from "./schedule/civil-days.js";
import { type CronFields, DAYS, EXAMPLES, parseCron, runsOnDay } from "./schedule/cron-fields.js";
import { checkBounds } from "./schedule/schedule-bounds.js";
import { instantsOfWallTime, wallTime } from "./schedule/zone-clock.js";

export { MAX_DAYS_BETWEEN_RUNS, MIN_MINUTES_BETWEEN_RUNS } from "./schedule/schedule-bounds.js";

/**
 * Digest schedules: presets ("hourly", "daily 08:00", "weekly mon 08:00") or a 5-field
 * cron expression, evaluated in an IANA time zone. This is the one engine that decides
 * whether a schedule is valid, when it fires and when it runs next; the process only
 * supplies a once-a-minute tick. Pure: the time is always passed in.
 * Wall-clock semantics as people expect them: a time skipped by a DST change does not
 * run that day, and a time that happens twice runs once (the first time).
 * Cost is bounded by the calendar, not the minutes: days are walked with integer maths
 * (months that cannot match are skipped whole) and the zone is asked only for the times
 * of days that match.
 */
export interface Schedule {
  /** The 5-field cron expression the schedule stands for. */
  cron: string;
  timezone: string;
  /** How people wrote it, e.g. "daily 08:00". */
  label: string;
}

/** How far ahead (or back) a search goes; bounds guarantee a run well within it. */
const HORIZON_DAYS = 5 * 366;
/** More than any DST change moves a clock back: a wall time further off than this cannot be on the other side. */
const WALL_SLACK_MS = 3 * 3_600_000;

export function parseSchedule(text: string, timezone = "UTC"): Schedule {
  const zone = validTimeZone(timezone);
  const label = text.trim().replace(/\s+/g, " ").toLowerCase();
  const cron = presetToCron(label) ?? label;
  checkBounds(cron, parseCron(cron));
  return { cron, timezone: zone, label };
}

/** The zone as people know it: "Europe/Kyiv" stays Kyiv even where ICU's canonical name is still "Europe/Kiev". */
export function validTimeZone(zone: string): string {
  const name = zone.trim();
  if (!isTimeZone(name)) throw new UserError(`"${zone}" is not a time zone. Use an IANA name such as Europe/Kyiv, America/New_York or UTC.`);
  return ["UTC", ...Intl.supportedValuesOf("timeZone")].find((z) => z.toLowerCase() === name.toLowerCase()) ?? name;
}

/** Whether the runtime knows the zone, under any of its names (ICU still lists Europe/Kyiv as Europe/Kiev). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function presetToCron(label: string): string | undefined {
  if (label === "hourly") return "0 * * * *";
  const daily = /^daily (\d{1,2}):(\d{2})$/.exec(label);
  if (daily) return `${clockMinute(daily[2]!)} ${clockHour(daily[1]!)} * * *`;
  const weekly = /^weekly ([a-z]{3})[a-z]* (\d{1,2}):(\d{2})$/.exec(label);
  if (weekly) {
    const day = DAYS.indexOf(weekly[1]!);
    if (day < 0) throw new UserError(`"${weekly[1]}" is not a day of the week. ${EXAMPLES}`);
    return `${clockMinute(weekly[3]!)} ${clockHour(weekly[2]!)} * * ${day}`;
  }
  if (/^(daily|weekly)\b/.test(label)) throw new UserError(`"${label}" is not a schedule I know. ${EXAMPLES}`);
  return undefined;
}

function clockHour(text: string): number {
  const hour = Number(text);
  if (hour > 23) throw new UserError(`${text} is not an hour of the day (00 to 23). ${EXAMPLES}`);
  return hour;
}

function clockMinute(text: string): number {
  const minute = Number(text);
  if (minute > 59) throw new UserError(`${text} is not a minute (00 to 59). ${EXAMPLES}`);
  return minute;
}

/** The instant a wall-clock time of a local day happens, its first pass if a DST change repeats it. */
function runAt(day: number, minuteOfDay: number, timezone: string): number | undefined {
  return instantsOfWallTime(day * DAY_MS + minuteOfDay * 60_000, timezone)[0];
}

/** Local days the schedule runs on, from `from` in one direction, skipping months it never runs in. */
function* scheduleDays(fields: CronFields, from: number, step: 1 | -1): Generator<number> {
  for (let day = from, left = HORIZON_DAYS; left > 0; left--) {
    const date = civilFromDays(day);
    if (!fields.month.has(date.month)) {
      day = step === 1 ? firstOfNextMonth(day) : day - date.day;
      continue;
    }
    if (runsOnDay(fields, day)) yield day;
    day += step;
  }
}

/** The first run strictly after `after`, or undefined when none falls within the next five years. */
export function nextRun(schedule: Schedule, after: Date): Date | undefined {
  const fields = parseCron(schedule.cron);
  const from = after.getTime();
  const wallFrom = wallTime(from, schedule.timezone);
  for (const day of scheduleDays(fields, Math.floor(wallFrom / DAY_MS) - 1, 1)) {
    for (const time of fields.times) {
      if (day * DAY_MS + time * 60_000 < wallFrom - WALL_SLACK_MS) continue;
      const at = runAt(day, time, schedule.timezone);
      if (at !== undefined && at > from) return new Date(at);
    }
  }
  return undefined;
}

/**
 * The latest run at or before `now` and after `since`: the slot a catch-up digest stands
 * for after downtime, however many slots were missed. Looks back only as far as `since`.
 */
export function latestRun(schedule: Schedule, now: Date, since: Date): Date | undefined {
  const fields = parseCron(schedule.cron);
  const [to, from] = [now.getTime(), since.getTime()];
  const wallTo = wallTime(to, schedule.timezone);
  const firstDay = Math.floor(wallTime(from, schedule.timezone) / DAY_MS) - 1;
  for (const day of scheduleDays(fields, Math.floor(wallTo / DAY_MS) + 1, -1)) {
    if (day < firstDay) return undefined;
    for (let i = fields.times.length - 1; i >= 0; i--) {
      if (day * DAY_MS + fields.times[i]! * 60_000 > wallTo + WALL_SLACK_MS) continue;
      const at = runAt(day, fields.times[i]!, schedule.timezone);
      if (at !== undefined && at <= to) return at > from ? new Date(at) : undefined;
    }
  }
  return undefined;
}
