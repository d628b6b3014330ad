import cron from "node-cron";
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

  it("accepts 5-field cron expressions that node-cron accepts too", () => {
    for (const expression of ["30 7 * * 1-5", "*/15 * * * *", "0 8,20 * * *", "0 9 1 jan,jul *", "0 0 * * sun", "5 4 * * 7"]) {
      expect(parseSchedule(expression).cron).toBe(expression);
      expect(cron.validate(expression)).toBe(true);
    }
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
