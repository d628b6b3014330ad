import { describe, expect, it } from "vitest";
import { latestRun, nextRun, parseSchedule } from "../../src/core/schedule.js";

const at = (iso: string) => new Date(iso);
const next = (schedule: string, zone: string, after: string) => nextRun(parseSchedule(schedule, zone), at(after))?.toISOString();

describe("parsing schedules", () => {
  it("turns presets into cron expressions", () => {
    expect(parseSchedule("hourly").cron).toBe("0 * * * *");
    expect(parseSchedule("Daily 08:00").cron).toBe("0 8 * * *");
    expect(parseSchedule("weekly mon 08:00").cron).toBe("0 8 * * 1");
    expect(parseSchedule("weekly Friday 17:30").cron).toBe("30 17 * * 5");
  });

  it("accepts 5-field cron expressions within the bounds", () => {
    for (const expression of ["30 7 * * 1-5", "*/30 * * * *", "0 8,20 * * *", "0 9 1 * *", "0 0 * * sun", "5 4 * * 7", "0 8 1 * 1", "5/30 9-17 * * mon-fri"]) {
      expect(parseSchedule(expression).cron).toBe(expression);
    }
  });

  it.each([
    ["0 0 31 2 *", /never runs/],
    ["0 0 30 2 *", /never runs/],
    ["0 0 31 4 *", /never runs/],
    ["0 0 29 2 *", /can go 1461 days without a run; a digest must run at least every 31 days/],
    ["0 9 1 1,4,7,10 *", /can go 92 days without a run/],
    ["0 0 31 * *", /can go 61 days without a run/],
    ["* * * * *", /runs every 1 minute; a digest may run at most every 30 minutes/],
    ["5/15 * * * *", /runs every 15 minutes/],
    ["0,10 8 * * *", /runs every 10 minutes/],
    ["59 23 * * *|0 0 * * *", /is not a schedule I know/],
  ])("refuses %s, which would flood a channel or (hardly) ever run", (schedule, message) => {
    expect(() => parseSchedule(schedule)).toThrow(message);
  });

  it("reads 5/30 as from minute 5 every 30 minutes", () => {
    expect(next("5/30 * * * *", "UTC", "2025-02-09T12:10:00Z")).toBe("2025-02-09T12:35:00.000Z");
    expect(next("5/30 * * * *", "UTC", "2025-02-09T12:35:00Z")).toBe("2025-02-09T13:05:00.000Z");
  });

  it.each([
    ["daily 25:00", /25 is not an hour of the day/],
    ["weekly xyz 08:00", /"xyz" is not a day of the week/],
    ["every day", /"every day" is not a schedule I know/],
    ["61 * * * *", /"61" is not a valid minute/],
    ["0 8 * *", /is not a schedule I know/],
    ["0 8 32 * *", /"32" is not a valid day of month/],
  ])("explains what is wrong with %s", (schedule, message) => {
    expect(() => parseSchedule(schedule)).toThrow(message);
    expect(() => parseSchedule(schedule)).toThrow(/Use hourly, daily 08:00, weekly mon 08:00/);
  });

  it("validates IANA time zones", () => {
    expect(parseSchedule("hourly", "Europe/Kyiv").timezone).toBe("Europe/Kyiv");
    expect(() => parseSchedule("hourly", "Mars/Olympus")).toThrow('"Mars/Olympus" is not a time zone. Use an IANA name such as Europe/Kyiv');
  });
});

describe("when a schedule runs", () => {
  it("runs daily 08:00 at 08:00 local time on both sides of a DST change", () => {
    // Kyiv moves from UTC+2 to UTC+3 on 30 March 2025.
    expect(next("daily 08:00", "Europe/Kyiv", "2025-03-29T07:00:00Z")).toBe("2025-03-30T05:00:00.000Z");
    expect(next("daily 08:00", "Europe/Kyiv", "2025-03-28T07:00:00Z")).toBe("2025-03-29T06:00:00.000Z");
  });

  it("skips a wall-clock time that a spring-forward change removes", () => {
    // New York jumps from 02:00 to 03:00 on 9 March 2025: 02:30 does not exist that day.
    expect(next("daily 02:30", "America/New_York", "2025-03-08T08:00:00Z")).toBe("2025-03-10T06:30:00.000Z");
  });

  it("runs once when a fall-back change repeats the hour", () => {
    // New York repeats 01:00–02:00 on 2 November 2025: 01:30 EDT (05:30Z), then 01:30 EST (06:30Z).
    expect(next("daily 01:30", "America/New_York", "2025-11-02T00:00:00Z")).toBe("2025-11-02T05:30:00.000Z");
    expect(next("daily 01:30", "America/New_York", "2025-11-02T05:30:00Z")).toBe("2025-11-03T06:30:00.000Z");
  });

  it("runs weekly on the named day, and hourly on the hour", () => {
    expect(next("weekly mon 08:00", "UTC", "2025-02-09T12:00:00Z")).toBe("2025-02-10T08:00:00.000Z");
    expect(next("hourly", "Asia/Kolkata", "2025-02-09T12:10:00Z")).toBe("2025-02-09T12:30:00.000Z");
  });

  it("treats both restricted day fields as either-or, as cron does", () => {
    // Day 1 of the month or any Monday.
    expect(next("0 8 1 * 1", "UTC", "2025-02-25T09:00:00Z")).toBe("2025-03-01T08:00:00.000Z");
    expect(next("0 8 1 * 1", "UTC", "2025-03-01T09:00:00Z")).toBe("2025-03-03T08:00:00.000Z");
  });

  it("finds the one slot a catch-up stands for, however many were missed", () => {
    const hourly = parseSchedule("hourly");
    expect(latestRun(hourly, at("2025-02-09T13:30:00Z"), at("2025-02-09T08:00:05Z"))?.toISOString()).toBe("2025-02-09T13:00:00.000Z");
    expect(latestRun(hourly, at("2025-02-09T08:30:00Z"), at("2025-02-09T08:00:05Z"))).toBeUndefined();
    const weekly = parseSchedule("weekly mon 08:00");
    expect(latestRun(weekly, at("2025-03-20T00:00:00Z"), at("2025-01-01T00:00:00Z"))?.toISOString()).toBe("2025-03-17T08:00:00.000Z");
  });
});

/** The obvious, slow reading of a schedule: every minute, ask the zone's clock whether it matches. */
function walkMinutes(cron: string, zone: string, after: string, days: number): string[] {
  const [minute, hour, dom, , dow] = cron.split(" ");
  const field = (text: string, value: number) => text === "*" || text.split(",").some((part) => {
    const [range, step] = part.split("/");
    const [from, to] = range === "*" ? [0, 99] : range!.includes("-") ? range!.split("-").map(Number) : [Number(range), step ? 99 : Number(range)];
    return value >= from! && value <= to! && (value - from!) % Number(step ?? 1) === 0;
  });
  const format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", weekday: "short" });
  const clock = (t: number) => Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
  const runs: string[] = [];
  const start = Math.floor(Date.parse(after) / 60_000) * 60_000 + 60_000;
  for (let t = start; t < Date.parse(after) + days * 86_400_000; t += 60_000) {
    const c = clock(t);
    const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(c.weekday!);
    const dayOk = dom !== "*" && dow !== "*" ? field(dom!, Number(c.day)) || field(dow!, weekday) : field(dom!, Number(c.day)) && field(dow!, weekday);
    if (!dayOk || !field(hour!, Number(c.hour)) || !field(minute!, Number(c.minute))) continue;
    const hourBefore = clock(t - 3_600_000);
    if (hourBefore.hour === c.hour && hourBefore.minute === c.minute && hourBefore.day === c.day) continue;
    runs.push(new Date(t).toISOString());
  }
  return runs;
}

describe("the engine against a minute-by-minute walk", () => {
  const cases: [string, string, string][] = [
    ["30 2 * * *", "America/New_York", "2025-03-07T00:00:00Z"],
    ["30 1 * * *", "America/New_York", "2025-10-31T00:00:00Z"],
    ["0 * * * *", "America/New_York", "2025-11-01T12:00:00Z"],
    ["0,30 * * * *", "Europe/Kyiv", "2025-03-29T12:00:00Z"],
    ["15 2 * * *", "Australia/Lord_Howe", "2025-04-04T00:00:00Z"],
    ["45 1 * * *", "Australia/Lord_Howe", "2025-10-03T00:00:00Z"],
    ["0 8 1 * 1", "UTC", "2025-02-27T00:00:00Z"],
    ["0 9 * * 1-5", "Asia/Kolkata", "2025-12-29T00:00:00Z"],
    ["0 0 1 * *", "Pacific/Kiritimati", "2025-12-30T00:00:00Z"],
  ];
  it.each(cases)("%s in %s from %s", (cron, zone, after) => {
    const expected = walkMinutes(cron, zone, after, 4);
    const schedule = parseSchedule(cron, zone);
    const found: string[] = [];
    for (let run = nextRun(schedule, at(after)); run && run.getTime() < Date.parse(after) + 4 * 86_400_000; run = nextRun(schedule, run)) found.push(run.toISOString());
    expect(found).toEqual(expected);
    expect(found.length).toBeGreaterThan(0);
    // The latest run before each run's next minute is that run: catch-up and firing agree.
    for (const run of found) expect(latestRun(schedule, new Date(Date.parse(run) + 59_000), at(after))?.toISOString()).toBe(run);
  });

  it("crosses a year and skips the months a schedule never runs in", () => {
    expect(next("0 9 1 jan,feb,mar,apr,may,jun,jul,aug,sep,oct,nov,dec *", "UTC", "2025-12-01T10:00:00Z")).toBe("2026-01-01T09:00:00.000Z");
    expect(next("0 9 31 * 5", "UTC", "2025-02-01T00:00:00Z")).toBe("2025-02-07T09:00:00.000Z");
  });

  it("looks back no further than the last run", () => {
    const daily = parseSchedule("daily 08:00", "Europe/Kyiv");
    expect(latestRun(daily, at("2025-02-19T12:00:00Z"), at("2025-02-09T06:00:00Z"))?.toISOString()).toBe("2025-02-19T06:00:00.000Z");
    expect(latestRun(daily, at("2025-02-19T05:59:00Z"), at("2025-02-18T06:00:00Z"))).toBeUndefined();
    expect(latestRun(daily, at("2025-02-19T06:00:00Z"), at("2025-02-18T06:00:00Z"))?.toISOString()).toBe("2025-02-19T06:00:00.000Z");
  });
});
