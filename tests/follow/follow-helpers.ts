import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type StateDb, openStateDb } from "../../src/digest/state-db.js";
import { type FollowLine, type FollowSettings, followPass } from "../../src/follow/follow-pass.js";
import { followState } from "../../src/follow/follow-state.js";
import { userAgent } from "../../src/follow/follow-settings.js";

export const CONTACT = "https://ops.example/storyline";

/** A DATA_DIR with one story that starts from a minimal story.json, and its sources.json. */
export function minimalStory(feeds: { url: string; keywords?: string[] }[], storyId = "lorrin-valley"): { dataDir: string; stateFile: string; storyDir: string } {
  const root = mkdtempSync(path.join(tmpdir(), "storyline-follow-"));
  const dataDir = path.join(root, "data");
  const storyDir = path.join(dataDir, "stories", storyId);
  mkdirSync(storyDir, { recursive: true });
  writeFileSync(path.join(storyDir, "story.json"), JSON.stringify({ id: storyId, title: "The Lorrin Valley war", keywords: ["Lorrin Valley", "Merrowgate"] }));
  writeFileSync(path.join(storyDir, "sources.json"), JSON.stringify({ feeds }));
  return { dataDir, stateFile: path.join(root, "state", "storyline.sqlite"), storyDir };
}

export interface Harness {
  db: StateDb;
  clock: { now: number };
  settings: FollowSettings;
  pass(options?: { force?: boolean; storyId?: string }): Promise<{ lines: FollowLine[]; problems: string[] }>;
}

/** Follow settings with a settable clock, short timeouts and a small body cap, on a real state file. */
export function harness(dataDir: string, stateFile: string, overrides: Partial<FollowSettings["fetch"]> = {}): Harness {
  const db = openStateDb(stateFile);
  const clock = { now: Date.parse("2026-03-05T12:00:00Z") };
  const settings: FollowSettings = {
    dataDir,
    state: followState(db),
    fetch: { userAgent: userAgent(CONTACT), timeoutMs: 2_000, maxBytes: 100_000, maxRedirects: 5, now: () => new Date(clock.now), ...overrides },
    everyMs: 15 * 60_000,
    random: () => 0.5,
  };
  return {
    db,
    clock,
    settings,
    pass: (options = {}) => followPass(settings, { force: options.force ?? true, ...(options.storyId ? { storyId: options.storyId } : {}) }),
  };
}

export function outcomes(lines: FollowLine[]): Record<string, string> {
  return Object.fromEntries(lines.map((l) => [new URL(l.url, "http://x").pathname + new URL(l.url, "http://x").search, l.outcome]));
}
