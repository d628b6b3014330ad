import type { Party, Person, Topic } from "../../src/core/schema.js";
import type { Random } from "./random.js";

/**
 * The people, parties and topics of a made-up story. Names carry the variation real
 * coverage has: diacritics, several transliterations of one Slavic surname, the surname
 * alone, the name without its accents.
 */

const FIRST = ["Ana", "Boris", "José", "Zoë", "Łukasz", "Søren", "Mária", "Dmitry", "Volodymyr", "Oleksandr", "Yuliia", "Recep", "Jürgen", "Émilie", "Andrzej", "Ioana", "Mykola", "Hakan", "Agnès", "Tomáš", "Kateryna", "Sergei", "Milica", "Nils", "Dóra", "Jiří", "Ewa", "Leif", "Aylin", "Giorgi", "Keir", "Olaf", "Ursula", "Kaja", "Antonio", "Pedro", "Mette", "Petr", "Gitanas", "Edgars"];

/** Surnames with the spellings different outlets use for them. */
const SURNAMES: { name: string; variants: string[] }[] = [
  { name: "Ružnják", variants: ["Ruznjak"] },
  { name: "Zelenskyy", variants: ["Zelensky", "Zelenskiy", "Zelenskyi"] },
  { name: "Kovalenko", variants: [] },
  { name: "Shevchenko", variants: ["Schewtschenko"] },
  { name: "Lavrov", variants: ["Lavrow"] },
  { name: "Peskov", variants: ["Peskow"] },
  { name: "Erdoğan", variants: ["Erdogan"] },
  { name: "Müller", variants: ["Mueller", "Muller"] },
  { name: "Dvořák", variants: ["Dvorak"] },
  { name: "Kuleba", variants: [] },
  { name: "Sybiha", variants: ["Sybiga"] },
  { name: "Yermak", variants: ["Iermak", "Jermak"] },
  { name: "Podolyak", variants: ["Podoliak", "Podolak"] },
  { name: "Ushakov", variants: ["Ouchakov"] },
  { name: "Dmitriev", variants: ["Dmitriyev"] },
  { name: "Medinsky", variants: ["Medinskiy", "Medinskij"] },
  { name: "Umerov", variants: [] },
  { name: "Witkoff", variants: [] },
  { name: "Kellogg", variants: [] },
  { name: "Rubio", variants: [] },
  { name: "Sikorski", variants: ["Sikorsky"] },
  { name: "Kallas", variants: [] },
  { name: "Stubb", variants: [] },
  { name: "Frederiksen", variants: [] },
  { name: "Mäkinen", variants: ["Makinen"] },
  { name: "Nausėda", variants: ["Nauseda"] },
  { name: "Rinkēvičs", variants: ["Rinkevics"] },
  { name: "Tusk", variants: [] },
  { name: "Orbán", variants: ["Orban"] },
  { name: "Fico", variants: [] },
  { name: "Şahin", variants: ["Sahin"] },
  { name: "Çelik", variants: ["Celik"] },
  { name: "Nowak", variants: ["Novak"] },
  { name: "Horváth", variants: ["Horvath"] },
  { name: "Petrović", variants: ["Petrovic"] },
  { name: "Popescu", variants: [] },
  { name: "Klitschko", variants: ["Klychko"] },
  { name: "Syrskyi", variants: ["Syrsky", "Syrskiy"] },
  { name: "Budanov", variants: [] },
  { name: "Zakharova", variants: ["Sacharowa"] },
];

const ROLES = ["foreign minister", "defence minister", "spokesperson", "chief of staff", "envoy", "prime minister", "president", "negotiator", "mayor", "general", "adviser", "ambassador"];

const PLACES = ["Northland", "Southland", "Eastmark", "Westmoor", "Lakeshire", "Hillcrest", "Rivermouth", "Stonegate", "Ashford", "Kyiv", "Moscow", "Ankara", "Brussels", "Warsaw", "Geneva"];

export function buildParties(count: number): Party[] {
  return Array.from({ length: count }, (_, i) => {
    const place = PLACES[i % PLACES.length]! + (i >= PLACES.length ? ` ${Math.floor(i / PLACES.length) + 1}` : "");
    return { id: slug(place), name: place, aliases: [`${place} government`, `the ${place} side`] };
  });
}

export function buildPeople(count: number, parties: readonly Party[], random: Random): Person[] {
  const people: Person[] = [];
  const ids = new Set<string>();
  for (let i = 0; people.length < count; i++) {
    // Surnames cycle fastest so even a small cast has every spelling problem; 41 and 40 are coprime, so pairs never repeat.
    const surname = SURNAMES[i % SURNAMES.length]!;
    const first = FIRST[(Math.floor(i / SURNAMES.length) * (SURNAMES.length + 1) + (i % SURNAMES.length)) % FIRST.length]!;
    // Past every first-and-last pairing, a generation number keeps names distinct.
    const round = Math.floor(i / (FIRST.length * SURNAMES.length));
    const last = round === 0 ? surname.name : `${surname.name}-${FIRST[(i + round) % FIRST.length]}`;
    const name = `${first} ${last}`;
    const id = slug(name);
    if (ids.has(id)) continue;
    ids.add(id);
    const party = random.pick(parties);
    const plain = stripAccents(name);
    const aliases = new Set([last, ...(round === 0 ? surname.variants : []), ...(round === 0 ? surname.variants.map((v) => `${first} ${v}`) : [])]);
    if (plain !== name) aliases.add(plain);
    people.push({ id, name, aliases: [...aliases], role: `${party.name} ${random.pick(ROLES)}`, party: party.id });
  }
  return people;
}

const THREADS = ["ceasefire", "prisoner exchange", "peace summit", "grain corridor", "border talks", "sanctions relief", "security guarantees", "energy truce", "nuclear plant inspection", "troop withdrawal"];

export function buildTopics(count: number): Topic[] {
  return Array.from({ length: count }, (_, i) => {
    const base = THREADS[i % THREADS.length]!;
    const round = Math.floor(i / THREADS.length);
    const name = round === 0 ? capitalise(base) : `${capitalise(base)} ${round + 1}`;
    return { id: slug(name), name, aliases: [round === 0 ? `${base} talks` : `${base} round ${round + 1}`] };
  });
}

export function slug(text: string): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function stripAccents(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/ø/g, "o");
}

function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
