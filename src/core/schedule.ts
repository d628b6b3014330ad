import { UserError } from "./errors.js";

/**
 * Digest schedules: presets ("hourly", "daily 08:00", "weekly mon 08:00") or a 5-field
 * cron expression, evaluated in an IANA time zone. Pure: the time is always passed in.
 * Wall-clock semantics as people expect them: a time skipped by a DST change does not
 * run that day, and a time that happens twice runs once.
 */
export interface Schedule {
  /** The 5-field cron expression the schedule stands for. */
  cron: string;
  timezone: string;
  /** How people wrote it, e.g. "daily 08:00". */
  label: string;
}

interface CronFields {
  minute: Set<number>;
  hour: Set<number>;
  dayOfMonth: Set<number>;
  month: Set<number>;
  dayOfWeek: Set<number>;
  /** Cron's rule: when both day fields are restricted, either one matching is enough. */
  dayOr: boolean;
}

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const EXAMPLES = 'Use hourly, daily 08:00, weekly mon 08:00, or a 5-field cron expression such as "30 7 * * 1-5".';

export function parseSchedule(text: string, timezone = "UTC"): Schedule {
  const zone = validTimeZone(timezone);
  const label = text.trim().replace(/\s+/g, " ").toLowerCase();
  const cron = presetToCron(label) ?? label;
  parseCron(cron);
  return { cron, timezone: zone, label };
}

/** The zone as people know it: "Europe/Kyiv" stays Kyiv even where ICU's canonical name is still "Europe/Kiev". */
export function validTimeZone(zone: string): string {
  const name = zone.trim();
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return ["UTC", ...Intl.supportedValuesOf("timeZone")].find((z) => z.toLowerCase() === name.toLowerCase()) ?? name;
  } catch {
    throw new UserError(`"${zone}" is not a time zone. Use an IANA name such as Europe/Kyiv, America/New_York or UTC.`);
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

function parseCron(cron: string): CronFields {
  const parts = cron.split(" ");
  if (parts.length !== 5) throw new UserError(`"${cron}" is not a schedule I know. ${EXAMPLES}`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = parts as [string, string, string, string, string];
  const days = parseField(dayOfWeek, 0, 7, "day of week", DAYS);
  if (days.has(7)) days.add(0);
  days.delete(7);
  return {
    minute: parseField(minute, 0, 59, "minute"),
    hour: parseField(hour, 0, 23, "hour"),
    dayOfMonth: parseField(dayOfMonth, 1, 31, "day of month"),
    month: parseField(month, 1, 12, "month", MONTHS, 1),
    dayOfWeek: days,
    dayOr: !dayOfMonth.startsWith("*") && !dayOfWeek.startsWith("*"),
  };
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
    const [from, to] = match[1] === "*" ? [min, max] : match[1]!.includes("-") ? match[1]!.split("-").map(value) : [value(match[1]!), match[2] ? max : value(match[1]!)];
    const step = match[2] ? Number(match[2]) : 1;
    if (step < 1 || from! > to!) throw new UserError(`"${part}" is not a valid ${name} range in the cron expression. ${EXAMPLES}`);
    for (let n = from!; n <= to!; n += step) values.add(n);
  }
  return values;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(at: number, timezone: string): WallClock {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    formatters.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: DAYS.indexOf(String(parts.weekday).toLowerCase()),
  };
}

const MINUTE = 60_000;

function dayMatches(fields: CronFields, clock: WallClock): boolean {
  if (!fields.month.has(clock.month)) return false;
  const dom = fields.dayOfMonth.has(clock.day);
  const dow = fields.dayOfWeek.has(clock.weekday);
  return fields.dayOr ? dom || dow : dom && dow;
}

/** Whether a run is due at this exact minute (and it is not the second pass of a repeated wall-clock hour). */
function matchesAt(fields: CronFields, timezone: string, at: number): boolean {
  const clock = wallClock(at, timezone);
  if (!dayMatches(fields, clock) || !fields.hour.has(clock.hour) || !fields.minute.has(clock.minute)) return false;
  const hourBefore = wallClock(at - 60 * MINUTE, timezone);
  return !(hourBefore.hour === clock.hour && hourBefore.minute === clock.minute && hourBefore.day === clock.day);
}

/** The first run strictly after `after`, or undefined when none falls within the next five years. */
export function nextRun(schedule: Schedule, after: Date): Date | undefined {
  const fields = parseCron(schedule.cron);
  let at = Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE;
  const end = at + 5 * 366 * 24 * 60 * MINUTE;
  while (at < end) {
    const clock = wallClock(at, schedule.timezone);
    // Skip whole days and hours that cannot match, leaving an hour of slack for DST shifts.
    if (!dayMatches(fields, clock)) {
      at += Math.max(1, (23 - clock.hour) * 60 + (60 - clock.minute) - 60) * MINUTE;
    } else if (!fields.hour.has(clock.hour)) {
      at += (60 - clock.minute) * MINUTE;
    } else if (matchesAt(fields, schedule.timezone, at)) {
      return new Date(at);
    } else {
      at += MINUTE;
    }
  }
  return undefined;
}

/**
 * The latest run at or before `now` and after `since`: the slot a catch-up digest
 * stands for after downtime, however many slots were missed.
 */
export function latestRun(schedule: Schedule, now: Date, since: Date): Date | undefined {
  // Search a short window first: most schedules run at least every couple of days.
  for (const windowMs of [3 * 24 * 60 * MINUTE, 400 * 24 * 60 * MINUTE]) {
    let from = new Date(Math.max(since.getTime(), now.getTime() - windowMs));
    let latest: Date | undefined;
    for (let run = nextRun(schedule, from); run && run <= now; run = nextRun(schedule, from)) {
      latest = run;
      from = run;
    }
    if (latest || since.getTime() >= now.getTime() - windowMs) return latest;
  }
  return undefined;
}
