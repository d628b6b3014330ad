// The name index as Storyline first shipped it (git eae4a52..fd64562): Fuse.js over every label, kept as the naive baseline.
import Fuse from "fuse.js";
import { foldName } from "../../src/core/fold-text.js";

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

export function createNameIndex<T>(items: readonly T[], labelsOf: (item: T) => string[], displayName: (item: T) => string): NameIndex<T> {
  const labels: Label<T>[] = items.flatMap((item) => {
    const keys = new Set(labelsOf(item).map(foldName).filter(Boolean));
    return [...keys].map((key) => ({ item, key }));
  });
  const fuse = new Fuse(labels, { keys: ["key"], includeScore: true, ignoreLocation: true, threshold: 0.4, ignoreFieldNorm: true });
  const loose = new Fuse(labels, { keys: ["key"], includeScore: true, ignoreLocation: true, threshold: 0.8 });

  const unique = (list: T[]) => [...new Set(list)];

  return {
    find(query) {
      const key = foldName(query);
      if (!key) return [];
      const exact = labels.filter((l) => l.key === key || l.key.split(" ").includes(key));
      if (exact.length > 0) return unique(exact.map((l) => l.item));
      const hits = fuse.search(key);
      const best = hits[0]?.score;
      if (best === undefined) return [];
      // A clearly better match wins alone; near-ties are all returned.
      return unique(hits.filter((h) => (h.score ?? 1) <= best + 0.1).map((h) => h.item.item));
    },
    suggest(query, limit = 3) {
      const hits = foldName(query) ? loose.search(foldName(query)) : [];
      const names = unique(hits.map((h) => h.item.item)).map(displayName);
      return names.slice(0, limit);
    },
    complete(typed, limit) {
      const key = foldName(typed);
      if (!key) return items.slice(0, limit);
      const prefixed = labels.filter((l) => l.key.startsWith(key) || l.key.split(" ").some((w) => w.startsWith(key)));
      // Fuzzy matches only help when nothing starts with what was typed; otherwise they are noise.
      const matches = prefixed.length > 0 ? prefixed : fuse.search(key).map((h) => h.item);
      return unique(matches.map((l) => l.item)).slice(0, limit);
    },
  };
}
