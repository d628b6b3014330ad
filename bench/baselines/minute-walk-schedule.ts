import type { Schedule } from "../../src/core/schedule.js";
import { parseCron } from "../../src/core/schedule/cron-fields.js";

/**
 * The schedule engine as it was before issue 10: "next run" walked the calendar minute by
 * minute (skipping days and hours that could not match), asking Intl for every step. Kept
 * only so `npm run bench` can show the field-bounded engine beside it.
 */
const MINUTE = 60_000;
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const formatters = new Map<string, Intl.DateTimeFormat>();

function clockAt(at: number, timezone: string) {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: timezone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", weekday: "short" });
    formatters.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return { month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), weekday: DAYS.indexOf(String(parts.weekday).toLowerCase()) };
}

export function minuteWalkNextRun(schedule: Schedule, after: Date): Date | undefined {
  const fields = parseCron(schedule.cron);
  const hours = new Set(fields.times.map((t) => Math.floor(t / 60)));
  const minutes = new Set(fields.times.map((t) => t % 60));
  const dayMatches = (c: ReturnType<typeof clockAt>) => {
    if (!fields.month.has(c.month)) return false;
    const dom = fields.dayOfMonth.has(c.day);
    const dow = fields.dayOfWeek.has(c.weekday);
    return fields.dayOr ? dom || dow : dom && dow;
  };
  let at = Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE;
  const end = at + 5 * 366 * 24 * 60 * MINUTE;
  while (at < end) {
    const clock = clockAt(at, schedule.timezone);
    if (!dayMatches(clock)) at += Math.max(1, (23 - clock.hour) * 60 + (60 - clock.minute) - 60) * MINUTE;
    else if (!hours.has(clock.hour)) at += (60 - clock.minute) * MINUTE;
    else if (minutes.has(clock.minute)) {
      const before = clockAt(at - 60 * MINUTE, schedule.timezone);
      if (!(before.hour === clock.hour && before.minute === clock.minute && before.day === clock.day)) return new Date(at);
      at += MINUTE;
    } else at += MINUTE;
  }
  return undefined;
}

/** Catch-up as it was: step forward run by run from the last run (or three days back) to now. */
export function minuteWalkLatestRun(schedule: Schedule, now: Date, since: Date): Date | undefined {
  for (const windowMs of [3 * 24 * 60 * MINUTE, 400 * 24 * 60 * MINUTE]) {
    let from = new Date(Math.max(since.getTime(), now.getTime() - windowMs));
    let latest: Date | undefined;
    for (let run = minuteWalkNextRun(schedule, from); run && run <= now; run = minuteWalkNextRun(schedule, from)) {
      latest = run;
      from = run;
    }
    if (latest || since.getTime() >= now.getTime() - windowMs) return latest;
  }
  return undefined;
}
