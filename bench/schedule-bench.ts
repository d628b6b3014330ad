import { performance } from "node:perf_hooks";
import { type Schedule, latestRun, nextRun, parseSchedule } from "../src/core/schedule.js";
import { minuteWalkLatestRun, minuteWalkNextRun } from "./baselines/minute-walk-schedule.js";

/**
 * `npm run bench:schedule`: what "next run" and catch-up cost per call, the field-bounded
 * engine beside the minute walk it replaced, on the schedules the hardening issue named
 * (the rarest still accepted, and ones that were accepted before).
 */
const NOW = new Date("2025-03-03T10:17:00Z");
const TEN_DAYS_AGO = new Date(NOW.getTime() - 10 * 86_400_000);

const cases: { name: string; schedule: Schedule }[] = [
  { name: "hourly (UTC)", schedule: parseSchedule("hourly") },
  { name: "daily 08:00 (Europe/Kyiv)", schedule: parseSchedule("daily 08:00", "Europe/Kyiv") },
  { name: "weekly mon 08:00 (America/New_York)", schedule: parseSchedule("weekly mon 08:00", "America/New_York") },
  { name: "0 9 1 * * (monthly)", schedule: parseSchedule("0 9 1 * *") },
  { name: "0 9 31 * 5 (31st or Friday)", schedule: parseSchedule("0 9 31 * 5") },
  // No longer accepted, but the old engine took it; shows what one such row cost.
  { name: "0 0 29 2 * (old, now refused)", schedule: { cron: "0 0 29 2 *", timezone: "UTC", label: "0 0 29 2 *" } },
];

function perCallMs(work: () => unknown, budgetMs = 300): number {
  for (let i = 0; i < 20; i++) work();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    work();
    calls++;
  }
  return (performance.now() - start) / calls;
}

export function scheduleBenchTable(): string {
  const rows = [["schedule", "next run: engine ms", "minute walk ms", "catch-up after 10 days: engine ms", "minute walk ms"]];
  for (const { name, schedule } of cases) {
    // The field-bounded engine never evaluates a refused schedule; the old row is measured by walking alone.
    const accepted = !name.includes("refused");
    rows.push([
      name,
      accepted ? perCallMs(() => nextRun(schedule, NOW)).toFixed(3) : "refused",
      perCallMs(() => minuteWalkNextRun(schedule, NOW)).toFixed(3),
      accepted ? perCallMs(() => latestRun(schedule, NOW, TEN_DAYS_AGO)).toFixed(3) : "refused",
      perCallMs(() => minuteWalkLatestRun(schedule, NOW, TEN_DAYS_AGO)).toFixed(3),
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")).join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${scheduleBenchTable()}\n`);
