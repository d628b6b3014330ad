/** How often the expected quote is the first answer, and how often it is among the first five. */
export interface HitRate {
  count: number;
  top1: number;
  top5: number;
}

export function hitRate(results: readonly { expected: string; found: readonly string[] }[]): HitRate {
  if (results.length === 0) return { count: 0, top1: NaN, top5: NaN };
  const top1 = results.filter((r) => r.found[0] === r.expected).length;
  const top5 = results.filter((r) => r.found.slice(0, 5).includes(r.expected)).length;
  return { count: results.length, top1: top1 / results.length, top5: top5 / results.length };
}
