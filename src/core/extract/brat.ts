import type { Span } from "./spans.js";

/** One annotated attribution of a brat `.ann` file: what was said and who said it. */
export interface BratAttribution {
  content: Span[];
  source: Span[];
}

/**
 * Reads the attributions of a PolNeAR-style brat file: `T` lines hold typed spans
 * (fragments separated by `;`), `E` lines tie an Attribution to its Content and Source.
 */
export function parseBrat(ann: string): BratAttribution[] {
  const spans = new Map<string, Span[]>();
  const events: string[] = [];
  for (const line of ann.split("\n")) {
    const [id, body] = line.split("\t");
    if (!id || !body) continue;
    if (id.startsWith("T")) {
      const ranges = body.slice(body.indexOf(" ") + 1);
      spans.set(
        id,
        ranges.split(";").map((range) => {
          const [start, end] = range.trim().split(/\s+/).map(Number);
          return { start: start ?? 0, end: end ?? 0 };
        }),
      );
    } else if (id.startsWith("E")) events.push(body);
  }
  const attributions: BratAttribution[] = [];
  for (const event of events) {
    const roles = event.trim().split(/\s+/).map((part) => part.split(":") as [string, string]);
    const [kind] = roles[0] ?? [""];
    if (kind !== "Attribution" && kind !== "Attribution-no-source") continue;
    const pick = (role: string) => roles.filter(([r]) => r.startsWith(role)).flatMap(([, t]) => spans.get(t) ?? []);
    attributions.push({ content: pick("Content"), source: pick("Source") });
  }
  return attributions;
}
