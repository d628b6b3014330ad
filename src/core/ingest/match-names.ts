import Fuse from "fuse.js";
import { nameKey, nameWordKey } from "../extract/name-keys.js";

/** Something a story knows by a name and aliases: a person, a party or a topic. */
export interface Named {
  id: string;
  name: string;
  aliases: string[];
}

/**
 * Finds the known entry a new name refers to: the same spelling-blind key first
 * (Zelensky = Zelenskyy, Peña = Pena), then, for people, the same surname with a
 * compatible first name, then a strict fuzzy match for typos.
 */
export function matchNamed<T extends Named>(known: readonly T[], candidate: Named, options: { people?: boolean } = {}): T | undefined {
  const forms = [candidate.name, ...candidate.aliases].map(nameKey).filter(Boolean);
  const byId = known.find((k) => k.id === candidate.id);
  if (byId) return byId;
  const exact = known.find((k) => [k.name, ...k.aliases].some((n) => forms.includes(nameKey(n))));
  if (exact) return exact;
  if (options.people) {
    const bySurname = known.filter((k) => compatiblePeople(k.name, candidate.name));
    if (bySurname.length === 1) return bySurname[0];
  }
  const fuse = new Fuse(
    known.flatMap((k) => [k.name, ...k.aliases].map((form) => ({ entry: k, form: nameKey(form) }))),
    { keys: ["form"], threshold: 0.15, includeScore: true },
  );
  const best = fuse.search(nameKey(candidate.name))[0];
  return best ? best.item.entry : undefined;
}

/** Same surname, and first names that agree when both are written. */
function compatiblePeople(a: string, b: string): boolean {
  const wa = a.split(/\s+/).map(nameWordKey);
  const wb = b.split(/\s+/).map(nameWordKey);
  if (wa[wa.length - 1] !== wb[wb.length - 1]) return false;
  if (wa.length === 1 || wb.length === 1) return true;
  return wa[0] === wb[0] || wa[0]!.startsWith(wb[0]!) || wb[0]!.startsWith(wa[0]!);
}
