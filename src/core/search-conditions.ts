import { FIRMNESS, type Party, type Person } from "./schema.js";
import type { Condition, Story } from "./story.js";
import { indexStory } from "./story-index.js";

export interface ConditionGroup {
  party: Party;
  holder?: Person;
  /** Firmest first, then newest. */
  conditions: Condition[];
}

export interface ConditionSearch {
  /** Groups by party and holder; the group with the newest condition first. */
  groups: ConditionGroup[];
  /** What `party` named (parties or holders); absent without `party`. */
  matched?: { parties: Party[]; holders: Person[] };
}

/** `party` may name a party ("russia", "Kremlin") or the person who holds the conditions ("Putin"). */
export function searchConditions(story: Story, request: { party?: string }): ConditionSearch {
  const index = indexStory(story);
  let conditions = story.conditions;
  let matched: ConditionSearch["matched"];
  if (request.party?.trim()) {
    const parties = index.parties.find(request.party);
    const holders = parties.length > 0 ? [] : index.people.find(request.party);
    matched = { parties, holders };
    const partyIds = new Set(parties.map((p) => p.id));
    const holderIds = new Set(holders.map((p) => p.id));
    conditions = conditions.filter((c) => partyIds.has(c.party.id) || (c.holder && holderIds.has(c.holder.id)));
  }
  const groups = new Map<string, ConditionGroup>();
  for (const condition of conditions) {
    const key = `${condition.party.id}/${condition.holder?.id ?? ""}`;
    const group = groups.get(key) ?? { party: condition.party, ...(condition.holder ? { holder: condition.holder } : {}), conditions: [] };
    group.conditions.push(condition);
    groups.set(key, group);
  }
  const firmness = (c: Condition) => FIRMNESS.indexOf(c.firmness);
  const newest = (g: ConditionGroup) => g.conditions.reduce((max, c) => (c.date > max ? c.date : max), "");
  const sorted = [...groups.values()]
    .map((g) => ({ ...g, conditions: [...g.conditions].sort((a, b) => firmness(a) - firmness(b) || b.date.localeCompare(a.date)) }))
    .sort((a, b) => newest(b).localeCompare(newest(a)) || a.party.name.localeCompare(b.party.name));
  return matched ? { groups: sorted, matched } : { groups: sorted };
}
