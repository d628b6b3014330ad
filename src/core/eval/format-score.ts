import type { Ratio, ScoreError, StoryScore } from "./score-story.js";

/** Scores of several stories added up: ratios are micro-averaged over all items. */
export type OverallScore = Omit<StoryScore, "story" | "errors"> & { stories: number };

export function addScores(scores: readonly StoryScore[]): OverallScore {
  const sum = (pick: (s: StoryScore) => Ratio): Ratio => ({
    hit: scores.reduce((n, s) => n + pick(s).hit, 0),
    total: scores.reduce((n, s) => n + pick(s).total, 0),
  });
  const add = (pick: (s: StoryScore) => number) => scores.reduce((n, s) => n + pick(s), 0);
  return {
    stories: scores.length,
    articles: add((s) => s.articles),
    conditions: {
      precision: sum((s) => s.conditions.precision),
      recall: sum((s) => s.conditions.recall),
      firmness: sum((s) => s.conditions.firmness),
      holder: sum((s) => s.conditions.holder),
      copies: add((s) => s.conditions.copies),
    },
    threads: {
      finalState: sum((s) => s.threads.finalState),
      steps: sum((s) => s.threads.steps),
      topics: add((s) => s.threads.topics),
      threadsWithTopics: add((s) => s.threads.threadsWithTopics),
      spurious: add((s) => s.threads.spurious),
      missing: add((s) => s.threads.missing),
    },
    people: { real: sum((s) => s.people.real), traps: add((s) => s.people.traps) },
  };
}

/** 0.75 (3/4); "n/a (0/0)" when there is nothing to count. */
export function formatRatio({ hit, total }: Ratio): string {
  return `${total === 0 ? "n/a" : (hit / total).toFixed(2)} (${hit}/${total})`;
}

/** System topics per gold thread that got any topic: 1.00 means no fragmentation. */
export function topicsPerThread(threads: StoryScore["threads"]): number | undefined {
  return threads.threadsWithTopics === 0 ? undefined : threads.topics / threads.threadsWithTopics;
}

export function formatScoreLines(heading: string, score: Omit<StoryScore, "story" | "errors">): string[] {
  const c = score.conditions;
  const t = score.threads;
  const perThread = topicsPerThread(t);
  return [
    heading,
    `  conditions  precision ${formatRatio(c.precision)}  recall ${formatRatio(c.recall)}  firmness ${formatRatio(c.firmness)}  holder ${formatRatio(c.holder)}  copies ${c.copies}`,
    `  threads     final state ${formatRatio(t.finalState)}  topics per thread ${perThread === undefined ? "n/a" : perThread.toFixed(2)} (${t.topics}/${t.threadsWithTopics})  spurious topics ${t.spurious}  threads without topic ${t.missing}  states found ${formatRatio(t.steps)}`,
    `  people      real ${formatRatio(score.people.real)}  places/phrases as people ${score.people.traps}`,
  ];
}

export function formatErrors(errors: readonly ScoreError[]): string[] {
  const kinds = [...new Set(errors.map((e) => e.kind))];
  return kinds.flatMap((kind) => {
    const list = errors.filter((e) => e.kind === kind);
    return [`  ${kind} (${list.length}):`, ...list.map((e) => `    - ${e.message}`)];
  });
}
