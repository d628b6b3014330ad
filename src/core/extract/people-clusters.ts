import nlp from "compromise";
import type { NameMention } from "./name-mentions.js";
import { nameKey, nameWordKey } from "./name-keys.js";

/** One person (or body) an article names, with every way it writes the name. */
export interface PersonCluster {
  name: string;
  /** Other forms the article uses: surnames, spelling variants, titled forms. */
  aliases: string[];
  role?: string;
  /** Whether the name looks like a person's rather than an organisation's or place's. */
  isPerson: boolean;
  /** Named like a place ("Port Aldra", "Tarn Valley", "Essaly Pass"): never a speaker. */
  isPlace?: boolean;
  /** Known from a first name, an honorific or a role like "spokeswoman"; lets "she" skip a man named last. */
  gender?: "male" | "female";
}

const ORGANISATION = /\b(Party|Bloc|Front|Alliance|Movement|Coalition|League|Assembly|Church|Churches|Organisation|Organization|House|Committee|Department|News|Post|Times|Journal|Campaign|University|Council|Association|Agency|Court|Congress|Senate|Administration|Ministry|Office|Network|Foundation|Institute|Center|Centre|Bureau|Commission|Union|Group|Inc|Corp|Company|Fund|Bank|Service|Press|Television|Radio|Magazine|Review|Tribune|Herald|Today|Street|Avenue|County|City|State|States|Republic|Kingdom|Federation|Nations|Kremlin|Pentagon|Twitter|Facebook|Fox|CNN|NBC|ABC|CBS|MSNBC|NPR|AP|Reuters|TASS|Breitbart|Politico|Democrats|Republicans|GOP|FBI|CIA|NATO|EU|UN)\b/;

/** Words that make a name a place's: "Port Aldra", "Mount Kessel", "Tarn Valley", "Essaly Pass". */
const PLACE_WORD =
  /^(?:Port|Mount|Mt|Lake|Cape|Fort|Gulf|Bay|Isle|Lower|Upper|Saint|St|Castel|Castle|Château|Chateau|Camp)\.?\s|\s(?:Valley|Pass|River|Bay|Island|Islands|Strait|Straits|Sea|Mountains|Hills|Gulf|Square|Palace|Airport|Province|Region|Oblast|District|Crossing|Bridge|Dam|Plain|Plains|Coast|Peninsula|Lake|Harbou?r|Port|Canal|Highway|Border|Basin|Delta|Desert|Forest|Heights|Ridge|Roads|Anchorage|Sound|Channel|Terminals?|Gap|Line|Station|Base|Fortress|Monastery|Cathedral|Estuary|Fjord|Reef|Falls|Springs|Marsh|Shoals?)$/;

export interface PeopleIndex {
  clusters: PersonCluster[];
  /** The cluster each mention belongs to, by position in the mention list. */
  clusterOf: (mention: NameMention) => PersonCluster;
}

/**
 * Groups mentions into people: full names first, so a surname or a variant spelling
 * joins the full name it shortens even when it comes earlier (as in a headline).
 */
export function clusterPeople(mentions: readonly NameMention[]): PeopleIndex {
  const clusters: PersonCluster[] = [];
  const byMention = new Map<NameMention, PersonCluster>();
  const full = mentions.filter((m) => m.name.split(" ").length >= 2);
  const single = mentions.filter((m) => m.name.split(" ").length < 2);
  for (const mention of full) {
    const key = nameKey(mention.name);
    const found = clusters.find((c) => [c.name, ...c.aliases].some((n) => sameFullName(nameKey(n), key)));
    byMention.set(mention, found ? addForm(found, mention) : newCluster(clusters, mention));
  }
  for (const mention of single) {
    const key = nameWordKey(mention.name);
    const candidates = clusters.filter((c) => c.isPerson && lastWordKey(c.name) === key);
    const found = nearestByPosition(candidates, mention, byMention) ?? clusters.find((c) => [c.name, ...c.aliases].some((n) => nameKey(n) === key));
    byMention.set(mention, found ? addForm(found, mention) : newCluster(clusters, mention));
  }
  const clusterOf = (m: NameMention): PersonCluster => {
    const known = byMention.get(m);
    if (known) return known;
    // A mention made up by a rule (a transcript label) joins the person whose surname it is.
    const key = nameKey(m.name);
    const found = clusters.find((c) => nameKey(c.name) === key || (c.isPerson && lastWordKey(c.name) === key)) ?? newCluster(clusters, m);
    byMention.set(m, found);
    return found;
  };
  return { clusters, clusterOf };
}

function sameFullName(a: string, b: string): boolean {
  if (a === b) return true;
  // "Donald J. Trump" and "Donald Trump": same first and last word.
  const wa = a.split(" ");
  const wb = b.split(" ");
  return wa.length > 1 && wb.length > 1 && wa[0] === wb[0] && wa[wa.length - 1] === wb[wb.length - 1];
}

function lastWordKey(name: string): string {
  const words = name.split(" ");
  return nameWordKey(words[words.length - 1] ?? "");
}

function newCluster(clusters: PersonCluster[], mention: NameMention): PersonCluster {
  const words = mention.name.split(" ");
  const place = PLACE_WORD.test(mention.name);
  const cluster: PersonCluster = {
    name: mention.name,
    aliases: [],
    ...(mention.role ? { role: mention.role } : {}),
    isPerson: !place && !ORGANISATION.test(mention.name) && (words.length >= 2 && words.length <= 4 ? !isPlaceOrOrganisation(mention.name) : mention.role !== undefined),
    ...(place ? { isPlace: true } : {}),
  };
  const gender = genderOf(mention);
  if (gender) cluster.gender = gender;
  clusters.push(cluster);
  return cluster;
}

function genderOf(mention: NameMention): "male" | "female" | undefined {
  const role = mention.role ?? "";
  if (/\b(Mrs|Ms|Miss|Madam|Queen|First Lady)\b|woman\b/i.test(role)) return "female";
  if (/\b(Mr|Sir|King|Prince)\b|(spokes|chair|congress)man\b/i.test(role)) return "male";
  const words = mention.name.split(" ");
  if (words.length < 2) return undefined;
  const first = nlp(words[0]!);
  if (first.has("#FemaleName")) return "female";
  if (first.has("#MaleName")) return "male";
  return undefined;
}

function addForm(cluster: PersonCluster, mention: NameMention): PersonCluster {
  if (mention.name !== cluster.name && !cluster.aliases.includes(mention.name)) cluster.aliases.push(mention.name);
  if (!cluster.role && mention.role) cluster.role = mention.role;
  if (!cluster.gender) {
    const gender = genderOf(mention);
    if (gender) cluster.gender = gender;
  }
  return cluster;
}

/** Of several people sharing a surname, the one last named before the mention (or first after it). */
function nearestByPosition(
  candidates: PersonCluster[],
  mention: NameMention,
  byMention: Map<NameMention, PersonCluster>,
): PersonCluster | undefined {
  if (candidates.length <= 1) return candidates[0];
  let best: { cluster: PersonCluster; distance: number } | undefined;
  for (const [m, cluster] of byMention) {
    if (!candidates.includes(cluster)) continue;
    const distance = m.start <= mention.start ? mention.start - m.start : 1e9 + m.start;
    if (!best || distance < best.distance) best = { cluster, distance };
  }
  return best?.cluster;
}

/** compromise knows many places and organisations by name; a person's name is neither. */
function isPlaceOrOrganisation(name: string): boolean {
  const doc = nlp(name);
  return (doc.has("#Place") || doc.has("#Organization")) && !doc.has("#Person");
}
