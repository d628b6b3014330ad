import { type State, STATES } from "../core/schema.js";
import type { TimelineLane } from "../core/summaries/timeline.js";
import { formatDate, stateLabel } from "../message/format.js";

/** What the picture is made of: drawn by render-png.ts, laid out here without any graphics library. */
export type Shape =
  | { kind: "rect"; x: number; y: number; w: number; h: number; r?: number; fill: string; stroke?: string }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dash?: number[] }
  | { kind: "text"; x: number; y: number; text: string; size: number; bold?: boolean; fill: string };

export interface Layout {
  width: number;
  height: number;
  shapes: Shape[];
}

/**
 * The timeline as shapes: one lane per thread, each state a coloured segment labelled with
 * its state and start date, each article a tick, today a dashed line. An opaque light card
 * with dark text and saturated fills, so it reads the same in Discord's light and dark
 * themes; 800 px wide with large type, so it stays legible when a phone shrinks it to ~350 px.
 */
export interface TimelinePicture {
  title: string;
  subtitle: string;
  lanes: readonly TimelineLane[];
  /** Every article in range, for the ticks along the top. */
  articleDates: readonly string[];
  /** YYYY-MM-DD. */
  today: string;
  /** Threads left out of the picture, named in a last line. */
  hiddenLanes: number;
}

export const WIDTH = 800;
const PAD = 24;
const HEADER = 104;
const ARTICLE_ROW = 44;
const LANE = 92;
const BAR = 34;
const FOOT = 40;

export const STATE_COLORS: Record<State, string> = {
  claimed: "#7c3aed",
  unconfirmed: "#8b95a5",
  denied: "#dc2626",
  confirmed: "#16a34a",
  proposed: "#d97706",
  planned: "#0284c7",
  scheduled: "#2563eb",
  held: "#15803d",
  agreed: "#059669",
  "in-effect": "#0f766e",
  violated: "#991b1b",
  completed: "#374151",
  cancelled: "#6b7280",
  corrected: "#c026d3",
};

export function pictureHeight(lanes: number, hidden: number, legendRows = 1): number {
  return HEADER + ARTICLE_ROW + lanes * LANE + (hidden > 0 ? FOOT : 0) + legendRows * LEGEND_ROW + PAD;
}

const LEGEND_ROW = 32;

/** A key to the colours, for segments too short to hold their label: swatch and name, wrapped to the width. */
function legend(states: readonly State[]): { rows: number; place(top: number): Shape[] } {
  const items: { state: State; x: number; row: number }[] = [];
  let x = PAD;
  let row = 0;
  for (const state of states) {
    const width = 26 + textWidth(stateLabel(state), 17) + 18;
    if (x + width > WIDTH - PAD && x > PAD) {
      row++;
      x = PAD;
    }
    items.push({ state, x, row });
    x += width;
  }
  return {
    rows: states.length === 0 ? 0 : row + 1,
    place: (top) =>
      items.flatMap(({ state, x: left, row: r }) => [
        { kind: "rect" as const, x: left, y: top + r * LEGEND_ROW + 6, w: 20, h: 20, r: 4, fill: STATE_COLORS[state] },
        text(left + 26, top + r * LEGEND_ROW + 22, stateLabel(state), { size: 17, fill: "#1f2937" }),
      ]),
  };
}

export function timelineLayout(picture: TimelinePicture): Layout {
  const { lanes } = picture;
  const used = new Set(lanes.flatMap((lane) => lane.items.map((item) => item.state)));
  const key = legend(STATES.filter((state) => used.has(state)));
  const height = pictureHeight(lanes.length, picture.hiddenLanes, key.rows);
  const scale = timeScale(picture);
  const out: Shape[] = [];
  out.push(
    { kind: "rect", x: 0.5, y: 0.5, w: WIDTH - 1, h: height - 1, r: 14, fill: "#ffffff", stroke: "#c9cdd4" },
    text(PAD, 44, fit(picture.title, WIDTH - 2 * PAD, 30, true), { size: 30, weight: "bold", fill: "#111827" }),
    text(PAD, 78, fit(picture.subtitle, WIDTH - 2 * PAD, 20), { size: 20, fill: "#4b5563" }),
  );

  // Articles along the top: one tick each.
  const articleY = HEADER;
  const articleCount = picture.articleDates.length;
  out.push(text(PAD, articleY + 8, `${articleCount} article${articleCount === 1 ? "" : "s"}, one tick each`, { size: 15, fill: "#4b5563" }));
  out.push(line(scale.x0, articleY + 26, scale.x1, articleY + 26, "#d1d5db", 2));
  for (const date of new Set(picture.articleDates)) {
    const x = round(scale.at(date) + 1.5);
    out.push(line(x, articleY + 16, x, articleY + 36, "#111827", 3));
  }

  lanes.forEach((lane, i) => {
    const top = HEADER + ARTICLE_ROW + i * LANE;
    if (i % 2 === 1) out.push({ kind: "rect", x: PAD / 2, y: top, w: WIDTH - PAD, h: LANE, fill: "#f3f4f6" });
    out.push(text(PAD, top + 26, fit(lane.topic.name, WIDTH - 2 * PAD, 22, true), { size: 22, weight: "bold", fill: "#111827" }));
    const barY = top + 36;
    const segments = laneSegments(lane, scale);
    for (const s of segments) {
      const width = Math.max(2, s.x2 - s.x1 - 2);
      out.push({ kind: "rect", x: s.x1, y: barY, w: width, h: BAR, r: 5, fill: STATE_COLORS[s.state] });
      const label = stateLabel(s.state);
      if (textWidth(label, 18, true) + 12 <= width) out.push(text(s.x1 + 6, barY + 24, label, { size: 18, weight: "bold", fill: labelInk(STATE_COLORS[s.state]) }));
    }
    // Dates under segment starts, skipped where the previous one would be overwritten.
    let free = -Infinity;
    for (const s of segments) {
      if (s.continued) continue;
      const label = shortDate(s.date);
      if (s.x1 < free) continue;
      out.push(text(s.x1, barY + BAR + 22, label, { size: 15, fill: "#374151" }));
      free = s.x1 + textWidth(label, 15) + 10;
    }
    for (const date of lane.articleDates) {
      const x = round(scale.at(date) + 1.5);
      out.push(line(x, barY + BAR + 2, x, barY + BAR + 6, "#111827", 3));
    }
  });

  // Today: within the scale, or past its right edge when the story went quiet long ago.
  const todayX = scale.todayX;
  const linesTop = HEADER - 8;
  const linesBottom = HEADER + ARTICLE_ROW + lanes.length * LANE;
  out.push({ ...line(todayX, linesTop, todayX, linesBottom, "#e11d48", 3), dash: [8, 6] });
  const todayLabel = `Today, ${shortDate(picture.today)}`;
  out.push(text(Math.min(todayX, WIDTH - PAD) - textWidth(todayLabel, 16, true), linesTop + 2, todayLabel, { size: 16, weight: "bold", fill: "#be123c" }));
  if (scale.gap) {
    out.push(text(scale.gap, linesBottom - 6, "…", { size: 22, weight: "bold", fill: "#6b7280" }));
  }
  out.push(...key.place(linesBottom + (picture.hiddenLanes > 0 ? FOOT : 0) + 4));
  if (picture.hiddenLanes > 0) {
    const more = `+${picture.hiddenLanes} more thread${picture.hiddenLanes === 1 ? "" : "s"}: narrow it with topic:`;
    out.push(text(PAD, linesBottom + 28, more, { size: 18, fill: "#4b5563" }));
  }
  return { width: WIDTH, height, shapes: out };
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number): Extract<Shape, { kind: "line" }> {
  return { kind: "line", x1, y1, x2, y2, stroke, width };
}

interface Scale {
  x0: number;
  x1: number;
  at(date: string): number;
  /** The x where a date's slot ends (the next date, or the scale's end). */
  slotEnd(date: string): number;
  todayX: number;
  /** Where a thread's current state ends: today, or the scale's end. */
  currentEnd: number;
  /** Where an axis break is drawn, when today lies far beyond the last event. */
  gap?: number;
}

const DAY = 86_400_000;
const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

/**
 * Distinct dates in order, each at least one unit from the last and further by the square
 * root of the days between: long quiet stretches stay visible without squeezing busy weeks,
 * and two events on one day still get room of their own.
 */
function timeScale(picture: TimelinePicture): Scale {
  const dates = new Set<string>(picture.articleDates);
  for (const lane of picture.lanes) for (const item of lane.items) dates.add(item.date);
  const sorted = [...dates].sort();
  const last = sorted.at(-1) ?? picture.today;
  const first = sorted[0] ?? picture.today;
  const span = Math.max(1, days(first, last));
  // Today near the story (within half its span, or a month) is placed on the scale; further off, past a break.
  const todayOnScale = picture.today >= first && days(last, picture.today) <= Math.max(30, span / 2);
  if (todayOnScale && picture.today > last) sorted.push(picture.today);
  const units = [0];
  for (let i = 1; i < sorted.length; i++) units.push(units[i - 1]! + 1 + Math.sqrt(Math.max(0, days(sorted[i - 1]!, sorted[i]!))));
  const tail = 1.5;
  const total = (units.at(-1) ?? 0) + tail;
  const x0 = PAD;
  const x1 = WIDTH - PAD - (todayOnScale ? 0 : 40);
  const position = new Map(sorted.map((d, i) => [d, x0 + (units[i]! / total) * (x1 - x0)]));
  const index = new Map(sorted.map((d, i) => [d, i]));
  const at = (date: string) => position.get(date) ?? (date < first ? x0 : x1);
  return {
    x0,
    x1,
    at,
    slotEnd: (date) => {
      const i = index.get(date);
      return i === undefined || i + 1 >= sorted.length ? x1 : at(sorted[i + 1]!);
    },
    todayX: todayOnScale ? at(picture.today) : picture.today < first ? x0 : WIDTH - PAD - 6,
    currentEnd: todayOnScale && picture.today > last ? at(picture.today) : x1,
    ...(todayOnScale || picture.today < first ? {} : { gap: x1 + 4 }),
  };
}

interface Segment {
  state: State;
  date: string;
  x1: number;
  x2: number;
  /** Started before the range shown. */
  continued: boolean;
}

/** Each item runs until the next one; items of one day share that day's slot in order. */
function laneSegments(lane: TimelineLane, scale: Scale): Segment[] {
  const sameDay = new Map<string, number>();
  for (const item of lane.items) sameDay.set(item.date, (sameDay.get(item.date) ?? 0) + 1);
  const seen = new Map<string, number>();
  const starts = lane.items.map((item, i) => {
    if (i === 0 && lane.startsEarlier) return scale.x0;
    const k = seen.get(item.date) ?? 0;
    seen.set(item.date, k + 1);
    const start = scale.at(item.date);
    return start + ((scale.slotEnd(item.date) - start) * k) / sameDay.get(item.date)!;
  });
  return lane.items.map((item, i) => ({
    state: item.state,
    date: item.date,
    x1: starts[i]!,
    // The current state runs up to today when today is on the scale.
    x2: i + 1 < starts.length ? starts[i + 1]! : Math.max(starts[i]! + 4, scale.currentEnd),
    continued: i === 0 && lane.startsEarlier,
  }));
}

function shortDate(date: string): string {
  return formatDate(date);
}

/** White or near-black ink, whichever stands out more on the fill. */
function labelInk(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return luminance > 0.25 ? "#111827" : "#ffffff";
}

/** DejaVu Sans runs about 0.62 em a character (0.69 bold); close enough to decide what fits. */
function textWidth(value: string, size: number, bold = false): number {
  return value.length * size * (bold ? 0.69 : 0.62);
}

function fit(value: string, width: number, size: number, bold = false): string {
  const max = Math.floor(width / (size * (bold ? 0.69 : 0.62)));
  return value.length <= max ? value : `${value.slice(0, Math.max(1, max - 1))}…`;
}

function text(x: number, y: number, value: string, style: { size: number; weight?: "bold"; fill: string }): Shape {
  // eslint-disable-next-line no-control-regex -- control characters in story text would draw as boxes
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, " ");
  return { kind: "text", x: round(x), y: round(y), text: clean, size: style.size, ...(style.weight ? { bold: true } : {}), fill: style.fill };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
