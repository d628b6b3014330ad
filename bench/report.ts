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
