import type { HitRate } from "./measure/hit-rate.js";
import type { LatencySummary } from "./measure/percentiles.js";

export type Method = "storyline" | "storyline-warm" | "minisearch" | "fuse";

export const METHOD_NAMES: Record<Method, string> = {
  storyline: "storyline (cold)",
  "storyline-warm": "storyline (warm cache)",
  minisearch: "MiniSearch alone",
  fuse: "fuse.js over all",
};

export interface MethodResult {
  method: Method;
  quotes: number;
  /** From process start until the first command could be answered. */
  readyMs: number;
  /** Reading, validating and indexing: readyMs without the process and module start-up. */
  loadMs: number;
  heapMb: number;
  rssMb: number;
  /** The longest the event loop went without a turn while loading. */
  maxStallMs?: number;
  quote?: LatencySummary;
  autocomplete?: LatencySummary;
  hits?: HitRate;
  /** Why the method stopped early, when it did. */
  skipped?: string;
  notes: string[];
}

/** One run of the live reload measurement (measure-live-reload.ts). */
export interface LiveReloadResult {
  /** "full": every reload reads every file and rebuilds the index, as before; "incremental": only what changed. */
  mode: "full" | "incremental";
  quotes: number;
  files: number;
  everyMs: number;
  /** Each /quote from dispatch to the final message, from the first file until a second after the new words were found. */
  answers?: LatencySummary;
  /** Interactions never answered (Discord's 3 s passed before the bot could reply). */
  unanswered?: number;
  windowMs?: number;
  /** From the last file landing until its words were answerable; undefined when not within a minute. */
  answerableMs?: number;
  allFound?: boolean;
  /**
   * After the data has been quiet for the settle delay: answers while the story's index is
   * rebuilt whole and the snapshot saved, in the background, until both are done.
   */
  settle?: { answers: LatencySummary; unanswered: number; ms: number; quietMs: number };
  skipped?: string;
}

export const LIVE_TARGETS = { p99Ms: 100, maxMs: 250, answerableMs: 3000 } as const;

export function formatLiveTable(results: readonly LiveReloadResult[]): string {
  const header = ["N quotes", "reload", "answers", "p50", "p95", "p99", "max", "new words answerable after s", "notes"];
  const rows = results.flatMap((r) => [liveRow(r), ...(r.settle ? [settleRow(r, r.settle)] : [])]);
  return [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

function settleRow(r: LiveReloadResult, settle: NonNullable<LiveReloadResult["settle"]>): string[] {
  return [
    r.quotes.toLocaleString("en-US"),
    "then, once quiet: index rebuilt whole and saved",
    String(settle.answers.count),
    ms(settle.answers.p50),
    ms(settle.answers.p95),
    ms(settle.answers.p99),
    ms(settle.answers.max),
    "–",
    [settle.unanswered ? `${settle.unanswered} never answered (past Discord's 3 s)` : "", `done ${(settle.ms / 1000).toFixed(1)} s after the window (the data quiet for ${(settle.quietMs / 1000).toFixed(1)} s first)`].filter(Boolean).join("; "),
  ];
}

function liveRow(r: LiveReloadResult): string[] {
  return [
    r.quotes.toLocaleString("en-US"),
    r.mode === "full" ? "full rebuild (before)" : "incremental",
    String(r.answers?.count ?? "–"),
    ms(r.answers?.p50),
    ms(r.answers?.p95),
    ms(r.answers?.p99),
    ms(r.answers?.max),
    r.answerableMs === undefined ? "not within 60 s" : (r.answerableMs / 1000).toFixed(2),
    [r.skipped ? `skipped: ${r.skipped}` : "", r.unanswered ? `${r.unanswered} never answered (past Discord's 3 s)` : "", r.allFound === false ? "some new words NOT found at the end" : "", `${r.files} files, one every ${r.everyMs} ms`].filter(Boolean).join("; "),
  ];
}

export function checkLiveTargets(results: readonly LiveReloadResult[]): string[] {
  return results
    .filter((r) => r.mode === "incremental" && r.answers)
    .map((r) => {
      const met = (ok: boolean) => (ok ? "met" : "MISSED");
      const answerable = r.answerableMs ?? Infinity;
      const settle = r.settle
        ? `; afterwards, while the index is rebuilt whole and saved (no target set; shown for the record): p99 ${ms(r.settle.answers.p99)} ms, max ${ms(r.settle.answers.max)} ms${r.settle.unanswered ? `, ${r.settle.unanswered} never answered` : ""}`
        : "";
      return `N=${r.quotes}: live reload p99 ${ms(r.answers!.p99)} ms (target ≤ ${LIVE_TARGETS.p99Ms}): ${met(r.answers!.p99 <= LIVE_TARGETS.p99Ms)}; max ${ms(r.answers!.max)} ms (target ≤ ${LIVE_TARGETS.maxMs}): ${met(r.answers!.max <= LIVE_TARGETS.maxMs && !r.unanswered)}; new words after ${Number.isFinite(answerable) ? (answerable / 1000).toFixed(2) : "> 60"} s (target ≤ ${LIVE_TARGETS.answerableMs / 1000}): ${met(answerable <= LIVE_TARGETS.answerableMs && r.allFound === true)}${settle}`;
    });
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "–" : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const rate = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "–" : n.toFixed(2));

export function formatTable(results: readonly MethodResult[]): string {
  const header = ["N quotes", "method", "ready s", "longest stall s", "heap MB", "RSS MB", "/quote p50", "p95", "p99", "autocomplete p50", "p95", "p99", "top-1", "top-5", "notes"];
  const rows = results.map((r) => [
    r.quotes.toLocaleString("en-US"),
    METHOD_NAMES[r.method],
    r.readyMs ? (r.readyMs / 1000).toFixed(1) : "–",
    r.maxStallMs ? (r.maxStallMs / 1000).toFixed(2) : "–",
    r.heapMb ? r.heapMb.toFixed(0) : "–",
    r.rssMb ? r.rssMb.toFixed(0) : "–",
    ms(r.quote?.p50),
    ms(r.quote?.p95),
    ms(r.quote?.p99),
    ms(r.autocomplete?.p50),
    ms(r.autocomplete?.p95),
    ms(r.autocomplete?.p99),
    rate(r.hits?.top1),
    rate(r.hits?.top5),
    [r.skipped ? `skipped: ${r.skipped}` : "", ...r.notes, r.quote ? `n=${r.quote.count}/${r.autocomplete?.count ?? 0}/${r.hits?.count ?? 0}` : ""].filter(Boolean).join("; "),
  ]);
  const lines = [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`);
  return lines.join("\n");
}

/** The issue's targets, checked against one run: each line says met or missed, with the number. */
export function checkTargets(results: readonly MethodResult[]): string[] {
  const lines: string[] = [];
  const sizes = [...new Set(results.map((r) => r.quotes))];
  for (const n of sizes) {
    const ours = results.find((r) => r.quotes === n && r.method === "storyline");
    if (!ours?.quote || !ours.hits) continue;
    for (const baseline of results.filter((r) => r.quotes === n && (r.method === "fuse" || r.method === "minisearch"))) {
      if (!baseline.quote || !baseline.hits || baseline.skipped) {
        lines.push(`N=${n}: ${METHOD_NAMES[baseline.method]} ${baseline.skipped ? `skipped (${baseline.skipped})` : "not measured"}`);
        continue;
      }
      const quoteFaster = ours.quote.p99 < baseline.quote.p99;
      const autocompleteFaster = (ours.autocomplete?.p99 ?? 0) < (baseline.autocomplete?.p99 ?? Infinity);
      const better = ours.hits.top1 >= baseline.hits.top1 && ours.hits.top5 >= baseline.hits.top5;
      lines.push(
        `N=${n}: vs ${METHOD_NAMES[baseline.method]}: /quote p99 ${quoteFaster ? "faster" : "NOT faster"}, autocomplete p99 ${autocompleteFaster ? "faster" : "NOT faster"}, hit rate ${better ? "as good or better" : "WORSE"}`,
      );
    }
    if (n >= 1_000_000) {
      const warm = results.find((r) => r.quotes === n && r.method === "storyline-warm");
      const check = (label: string, value: number | undefined, limit: number, higherIsBetter = false) =>
        lines.push(`N=${n}: ${label} ${value === undefined ? "–" : value.toFixed(label.includes("hit") ? 2 : 1)} (target ${higherIsBetter ? "≥" : "≤"} ${limit}): ${value !== undefined && (higherIsBetter ? value >= limit : value <= limit) ? "met" : "MISSED"}`);
      check("/quote p99 ms", ours.quote.p99, 25);
      check("autocomplete p99 ms", ours.autocomplete?.p99, 10);
      check("top-5 hit rate", ours.hits.top5, 0.97, true);
      check("top-1 hit rate", ours.hits.top1, 0.9, true);
      check("RSS MB", ours.rssMb, 1500);
      check("ready s (cold)", ours.readyMs / 1000, 10);
      check("ready s (warm cache)", warm ? warm.readyMs / 1000 : undefined, 3);
    }
  }
  return lines;
}
