import { foldName, foldText } from "../../fold-text.js";
import type { ArticleFile, ConditionFile, Party, Person, QuoteFile, StatusItemFile, Topic } from "../../schema.js";
import type { ExtractedArticle } from "../extract-article.js";
import { slugify } from "../name-keys.js";
import { normaliseQuote, type VerifiedAnswer } from "./verify-answer.js";

export type Engine = "rules" | "model" | "rules+model";

/** Which engine produced each part of an article, and why the model's part was not used when it was not. */
export interface EngineReport {
  quotes: Engine;
  conditions: Engine;
  status: Engine;
  summary: Engine;
  /** Why the rules' output was used whole; absent when the model's answer was used. */
  fallback?: string;
  /** The model's answer came from the cache: no request was made. */
  cached?: boolean;
  /** Items of the model's answer that failed verification, one line each. */
  dropped: string[];
}

export const RULES_ONLY: EngineReport = { quotes: "rules", conditions: "rules", status: "rules", summary: "rules", dropped: [] };

/**
 * The article as both engines give it: the model's verified conditions, status and summary
 * replace the rules'; quotes are the rules' plus the model's that the rules missed (the
 * same words, or words inside a quote the rules have, count once and keep the rules'
 * speaker). Speakers and holders become the rules' people where the names match. Pure.
 */
export function mergeEngines(rules: ExtractedArticle, verified: VerifiedAnswer): { extracted: ExtractedArticle; engines: EngineReport } {
  const people = rules.article.people.map((p) => ({ ...p }));
  const personId = (name: string): string => {
    const known = matchPerson(people, name);
    if (known) return known.id;
    let id = slugify(name) || "person";
    for (let n = 2; people.some((p) => p.id === id); n++) id = `${slugify(name)}-${n}`;
    people.push({ id, name, aliases: [] });
    return id;
  };

  const ruleTexts = rules.article.quotes.map((q) => foldText(normaliseQuote(q.text)));
  const seen = new Set<string>();
  const modelQuotes: QuoteFile[] = [];
  for (const quote of verified.quotes) {
    const key = foldText(normaliseQuote(quote.text));
    if (seen.has(key) || ruleTexts.some((r) => r === key || r.includes(key) || key.includes(r))) continue;
    seen.add(key);
    modelQuotes.push({ speaker: personId(quote.speaker), text: quote.text, kind: "direct" });
  }

  const parties = new Map<string, Party>();
  const conditions: ConditionFile[] = verified.conditions.map((c) => {
    parties.set(c.party.id, c.party);
    return { party: c.party.id, ...(c.holder ? { holder: personId(c.holder) } : {}), text: c.text, firmness: c.firmness };
  });
  // The rules' people may speak for a party the rules found; keep those parties so the ids resolve.
  for (const party of rules.parties) if (people.some((p) => p.party === party.id) && !parties.has(party.id)) parties.set(party.id, party);

  const topics = new Map<string, Topic>();
  const status: StatusItemFile[] = verified.status.map((s) => {
    topics.set(s.topic.id, s.topic);
    return { topic: s.topic.id, state: s.state, detail: s.detail, date: rules.article.date };
  });

  const article: ArticleFile = {
    ...rules.article,
    summary: verified.summary ?? rules.article.summary,
    people,
    quotes: [...rules.article.quotes, ...modelQuotes],
    conditions,
    status,
  };
  return {
    extracted: { ...rules, article, parties: [...parties.values()], topics: [...topics.values()], ...(verified.summary ? { summaryWritten: true } : {}) },
    engines: { quotes: modelQuotes.length > 0 ? "rules+model" : "rules", conditions: "model", status: "model", summary: verified.summary ? "model" : "rules", dropped: verified.dropped },
  };
}

/** The rules' person a model's name means: the same name or alias, or one surname both share with a first name or none. */
function matchPerson(people: readonly Person[], name: string): Person | undefined {
  const key = foldName(name);
  const exact = people.filter((p) => [p.name, ...p.aliases].some((n) => foldName(n) === key));
  if (exact.length === 1) return exact[0];
  const words = key.split(" ");
  const close = people.filter((p) => {
    const theirs = foldName(p.name).split(" ");
    return theirs.at(-1) === words.at(-1) && (words.length === 1 || theirs.length === 1 || theirs[0] === words[0]);
  });
  return close.length === 1 ? close[0] : undefined;
}
