import { foldText, nameKey, nameWordKey } from "../fold-text.js";

// Name folding has one owner, src/core/fold-text.ts; extraction uses its keys.
export { nameKey, nameWordKey };

/** Lower-case kebab-case id for the schema: "Dmitry Peskov" → "dmitry-peskov". */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
