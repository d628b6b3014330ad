import Fuse, { type IFuseOptions } from "fuse.js";
import { foldName } from "./fold-text.js";
import { lowerBound, similarTerms } from "./search/similar-terms.js";

/**
 * Finds things by name: people, parties, topics, stories. Each has several labels
 * (name, aliases, role); a label matches whole, by one of its words, or fuzzily.
 */
export interface NameIndex<T> {
  /** The items the query names, best first; empty when nothing is close enough. */
  find(query: string): T[];
  /** The closest names for "did you mean", however far. */
  suggest(query: string, limit?: number): string[];
  /** Items whose labels start with or fuzzily contain what was typed so far; for autocomplete. */
  complete(typed: string, limit: number): T[];
}

interface Label<T> {
  item: T;
  key: string;
}

const CLOSE: IFuseOptions<Label<unknown>> = { keys: ["key"], includeScore: true, ignoreLocation: true, threshold: 0.4, ignoreFieldNorm: true };
const LOOSE: IFuseOptions<Label<unknown>> = { keys: ["key"], includeScore: true, ignoreLocation: true, threshold: 0.8 };

export function createNameIndex<T>(items: readonly T[], labelsOf: (item: T) => string[], displayName: (item: T) => string): NameIndex<T> {
  const labels: Label<T>[] = items.flatMap((item) => {
    const keys = new Set(labelsOf(item).map(foldName).filter(Boolean));
    return [...keys].map((key) => ({ item, key }));
  });
  // Label positions by whole key and by word, and both sorted, so exact and prefix lookups
  // are map reads and binary searches rather than a pass over thousands of labels.
  const byKey = groupLabels(labels.map((l, i) => [l.key, i]));
  const byWord = groupLabels(labels.flatMap((l, i) => l.key.split(" ").map((w) => [w, i] as [string, number])));
  const keys = [...byKey.keys()].sort();
  const words = [...byWord.keys()].sort();
  let everything: { close: Fuse<Label<T>>; loose: Fuse<Label<T>> } | undefined;
  const whole = () => (everything ??= { close: new Fuse(labels, CLOSE), loose: new Fuse(labels, LOOSE) });

  const unique = (list: T[]) => [...new Set(list)];
  const inOrder = (positions: Iterable<number>) => unique([...new Set(positions)].sort((a, b) => a - b).map((i) => labels[i]!.item));

  /**
   * Fuse ranks well but reads every label; with thousands of people that is too slow for
   * autocomplete. Fuse scores a label on its own, so ranking only the labels with a word
   * close to a query word (typos allowed, as a beginning) gives the same order, faster.
   */
  const fuzzy = (key: string, options: IFuseOptions<Label<unknown>>, reach: (length: number) => number) => {
    const positions = new Set<number>();
    for (const word of key.split(" ")) {
      similarTerms(words, word, reach(word.length), (id) => byWord.get(words[id]!)!.forEach((i) => positions.add(i)), { prefix: true });
    }
    const candidates = [...positions].sort((a, b) => a - b).map((i) => labels[i]!);
    return new Fuse(candidates, options as IFuseOptions<Label<T>>).search(key);
  };

  /**
   * Labels in which every typed word begins some word, typos allowed, fewest edits first. On
   * every keystroke this must take microseconds: no ranking pass, the edit counts are the rank.
   */
  const fewestEdits = (key: string): number[] => {
    const typedWords = key.split(" ");
    const totals = new Map<number, number>();
    typedWords.forEach((word, n) => {
      const best = new Map<number, number>();
      similarTerms(words, word, word.length <= 2 ? 0 : word.length <= 7 ? 1 : 2, (id, edits) => {
        for (const i of byWord.get(words[id]!)!) if (edits < (best.get(i) ?? Infinity)) best.set(i, edits);
      }, { prefix: true });
      for (const [i, edits] of best) if (n === 0 || totals.has(i)) totals.set(i, (n === 0 ? 0 : totals.get(i)!) + edits);
      for (const i of totals.keys()) if (!best.has(i)) totals.delete(i);
    });
    return [...totals].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([i]) => i);
  };

  return {
    find(query) {
      const key = foldName(query);
      if (!key) return [];
      const exact = [...(byKey.get(key) ?? []), ...(byWord.get(key) ?? [])];
      if (exact.length > 0) return inOrder(exact);
      const hits = fuzzy(key, CLOSE, (n) => (n <= 2 ? 0 : n <= 7 ? 1 : 2));
      const best = hits[0]?.score;
      if (best === undefined) return [];
      // A clearly better match wins alone; near-ties are all returned.
      return unique(hits.filter((h) => (h.score ?? 1) <= best + 0.1).map((h) => h.item.item));
    },
    suggest(query, limit = 3) {
      const key = foldName(query);
      if (!key) return [];
      let hits = fuzzy(key, LOOSE, (n) => Math.max(1, Math.floor(n / 2)));
      // Nothing even loosely close by words: a full pass is fine on this rare path.
      if (hits.length === 0 && labels.length >= 200) hits = whole().loose.search(key);
      const names = unique(hits.map((h) => h.item.item)).map(displayName);
      return names.slice(0, limit);
    },
    complete(typed, limit) {
      const key = foldName(typed);
      if (!key) return items.slice(0, limit);
      const prefixed = [...startingWith(keys, key).flatMap((k) => byKey.get(k)!), ...startingWith(words, key).flatMap((w) => byWord.get(w)!)];
      // Fuzzy matches only help when nothing starts with what was typed; otherwise they are noise.
      if (prefixed.length > 0) return inOrder(prefixed).slice(0, limit);
      return unique(fewestEdits(key).map((i) => labels[i]!.item)).slice(0, limit);
    },
  };
}

function groupLabels(pairs: [string, number][]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const [key, position] of pairs) {
    const list = groups.get(key);
    if (list) {
      if (list[list.length - 1] !== position) list.push(position);
    } else groups.set(key, [position]);
  }
  return groups;
}

function startingWith(sorted: readonly string[], prefix: string): string[] {
  const found: string[] = [];
  for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i++) found.push(sorted[i]!);
  return found;
}
