/**
 * Local wall-clock time in an IANA zone, as "epoch minutes of the wall clock": the minutes
 * since 1970-01-01 00:00 that the zone's clocks show. Only this module asks Intl.
 */
const MINUTE_MS = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
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
    });
    formatters.set(timezone, format);
  }
  return format;
}

/** What the zone's clocks show at `at`, in ms since 1970 as if that wall time were UTC (whole minutes). */
export function wallTime(at: number, timezone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(Math.floor(at / MINUTE_MS) * MINUTE_MS)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
}

/**
 * The instants at which the zone's clocks show this wall time, earliest first: none when a
 * DST change skips it, two when a change repeats it. Offsets never exceed ±14 h, so the
 * offsets 14 h either side cover both sides of any one change.
 */
export function instantsOfWallTime(wall: number, timezone: string): number[] {
  const offsets = new Set([-14, 14].map((hours) => wallTime(wall + hours * 3_600_000, timezone) - (wall + hours * 3_600_000)));
  const found = new Set<number>();
  for (const offset of offsets) {
    const at = wall - offset;
    if (wallTime(at, timezone) === wall) found.add(at);
  }
  return [...found].sort((a, b) => a - b);
}
