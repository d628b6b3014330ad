import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { baselineQuotes } from "../core/extract/baseline-quotes.js";
import { parseBrat } from "../core/extract/brat.js";
import { RULE_STRENGTH } from "../core/extract/attribution-rules.js";
import { type GoldQuote, goldQuotes } from "../core/extract/gold-quotes.js";
import { nameWords, sharesNameWord } from "../core/extract/name-words.js";
import { overlaps } from "../core/extract/spans.js";
import { extractArticle } from "../core/extract/extract-article.js";
import { type PredictedQuote, type QuoteCounts, addCounts, emptyCounts, quoteMetrics, scoreDocument } from "../core/extract/quote-score.js";

/**
 * Scores direct-quote extraction against PolNeAR:
 *   npm run eval:quotes -- <PolNeAR checkout or git dir> --split dev [--errors] [--baseline]
 * Articles annotated by several annotators are scored against the first annotator's file.
 * `--baseline` scores the issue's yardstick (every quoted span, nearest name) instead of the extractor.
 */

interface CorpusDocument {
  name: string;
  text: string;
  ann: string;
}

function main(argv: string[]): number {
  const args = argv.filter((a) => !a.startsWith("--"));
  const splitAt = argv.indexOf("--split");
  const split = splitAt >= 0 ? argv[splitAt + 1] : "dev";
  const showErrors = argv.includes("--errors");
  const predict = argv.includes("--baseline") ? baselineQuotes : extractedQuotes;
  const root = args.find((a) => a !== split);
  if (!root || !split || !/^(train|dev|test)$/.test(split)) {
    process.stderr.write("usage: eval:quotes -- <PolNeAR checkout or git dir> --split train|dev [--errors] [--baseline]\n");
    return 2;
  }
  const documents = existsSync(path.join(root, "data", split, "text")) ? readCheckout(root, split) : readGitDir(root, split);
  if (documents.length === 0) {
    process.stderr.write(`no ${split} articles found under ${root}\n`);
    return 1;
  }
  let counts: QuoteCounts = emptyCounts();
  const byRule = new Map<string, { hits: number; named: number; right: number }>();
  for (const doc of documents) {
    const gold = goldQuotes(doc.text, parseBrat(doc.ann));
    const predicted = predict(doc.text);
    const scored = scoreDocument(gold, predicted);
    counts = addCounts(counts, scored.counts);
    for (const [rule, tally] of ruleTallies(gold, predicted)) {
      const total = byRule.get(rule) ?? { hits: 0, named: 0, right: 0 };
      byRule.set(rule, { hits: total.hits + tally.hits, named: total.named + tally.named, right: total.right + tally.right });
    }
    if (showErrors) printErrors(doc, scored);
  }
  const m = quoteMetrics(counts);
  const f = (x: number) => x.toFixed(3);
  process.stdout.write(
    `PolNeAR ${split}${predict === baselineQuotes ? " (baseline)" : ""}: ${documents.length} articles, ${counts.gold} gold quotes, ${counts.predicted} predicted\n` +
      `detection  precision ${f(m.precision)}  recall ${f(m.recall)}  F1 ${f(m.f1)}\n` +
      `speaker accuracy ${f(m.speakerAccuracy)} (${counts.speakerRight}/${counts.named} gold quotes with a named source)\n`,
  );
  if (predict !== baselineQuotes) printRules(byRule);
  return 0;
}

/** What ingest keeps: `extractArticle` itself, so the score covers every step ingest runs (header, speaker checks). */
function extractedQuotes(text: string): (PredictedQuote & { rule: string })[] {
  return extractArticle(text, { fallbackDate: "2016-01-01", evidence: true }).quoteEvidence ?? [];
}

/** Per attribution rule: gold quotes it credited (hits), and how many of those with a named source it got right. */
function ruleTallies(gold: readonly GoldQuote[], predicted: readonly (PredictedQuote & { rule?: string })[]): Map<string, { hits: number; named: number; right: number }> {
  const tallies = new Map<string, { hits: number; named: number; right: number }>();
  const used = new Set<PredictedQuote>();
  for (const g of gold) {
    const match = predicted.find((p) => !used.has(p) && overlaps(p, g));
    if (!match) continue;
    used.add(match);
    const rule = match.rule ?? "none";
    const tally = tallies.get(rule) ?? { hits: 0, named: 0, right: 0 };
    tally.hits++;
    if (nameWords(g.source).size > 0) {
      tally.named++;
      if (match.speaker && sharesNameWord(match.speaker, g.source)) tally.right++;
    }
    tallies.set(rule, tally);
  }
  return tallies;
}

function printRules(byRule: Map<string, { hits: number; named: number; right: number }>): void {
  process.stdout.write("rule (strength): gold quotes credited, speaker accuracy on those with a named source\n");
  for (const [rule, t] of [...byRule].sort((a, b) => b[1].hits - a[1].hits)) {
    const accuracy = t.named === 0 ? "  n/a" : (t.right / t.named).toFixed(3);
    process.stdout.write(`  ${`${rule} (${RULE_STRENGTH[rule] ?? "none"})`.padEnd(36)} ${String(t.hits).padStart(5)}  ${accuracy} (${t.right}/${t.named})\n`);
  }
}

function printErrors(doc: CorpusDocument, scored: ReturnType<typeof scoreDocument>): void {
  const clip = (s: number, e: number) => doc.text.slice(s, e).replace(/\s+/g, " ").slice(0, 100);
  const context = (s: number, e: number) => doc.text.slice(Math.max(0, s - 120), e + 120).replace(/\s+/g, " ");
  for (const miss of scored.speakerMisses) {
    process.stdout.write(
      `SPEAKER ${doc.name}: gold "${miss.gold.source}" got "${miss.predicted?.speaker ?? "-"}" [${(miss.predicted as { rule?: string } | undefined)?.rule ?? "missed"}]\n   ${context(miss.gold.start, miss.gold.end)}\n`,
    );
  }
  for (const p of scored.spurious) process.stdout.write(`SPURIOUS ${doc.name}: "${clip(p.start, p.end)}"\n   ${context(p.start, p.end)}\n`);
  for (const g of scored.missed) process.stdout.write(`MISSED ${doc.name}: "${clip(g.start, g.end)}"\n   ${context(g.start, g.end)}\n`);
}

/** Pairs each text with the alphabetically first annotator file of the same article. */
function pairDocuments(split: string, textNames: string[], annNames: string[], read: (p: string) => string): CorpusDocument[] {
  const anns = [...annNames].sort();
  return textNames
    .filter((n) => n.endsWith(".txt"))
    .sort()
    .flatMap((textName) => {
      const stem = textName.replace(/\.txt$/, "");
      const ann = anns.find((a) => a.startsWith(`${stem}_`) && a.endsWith(".ann"));
      if (!ann) return [];
      return [{ name: stem, text: read(`data/${split}/text/${textName}`), ann: read(`data/${split}/attributions/${ann}`) }];
    });
}

function readCheckout(root: string, split: string): CorpusDocument[] {
  const list = (dir: string) => readdirSync(path.join(root, "data", split, dir));
  return pairDocuments(split, list("text"), list("attributions"), (p) => readFileSync(path.join(root, p), "utf8"));
}

function readGitDir(gitDir: string, split: string): CorpusDocument[] {
  const git = (args: string[], input?: string) => {
    const result = spawnSync("git", [`--git-dir=${gitDir}`, ...args], { input, maxBuffer: 1 << 30 });
    if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr.toString()}`);
    return result.stdout;
  };
  const names = (dir: string) =>
    git(["ls-tree", "--name-only", "HEAD", `data/${split}/${dir}/`]).toString("utf8").split("\n").filter(Boolean).map((p) => path.posix.basename(p));
  const textNames = names("text");
  const annNames = names("attributions");
  const wanted = pairDocuments(split, textNames, annNames, (p) => p);
  const paths = wanted.flatMap((d) => [d.text, d.ann]);
  const blobs = readBlobs(git(["cat-file", "--batch"], paths.map((p) => `HEAD:${p}\n`).join("")));
  return wanted.map((d, i) => ({ name: d.name, text: blobs[2 * i] ?? "", ann: blobs[2 * i + 1] ?? "" }));
}

/** Splits `git cat-file --batch` output: a header line with the byte size, the bytes, a newline. */
function readBlobs(out: Buffer): string[] {
  const blobs: string[] = [];
  let at = 0;
  while (at < out.length) {
    const headerEnd = out.indexOf(10, at);
    const header = out.subarray(at, headerEnd).toString("utf8");
    const size = Number(header.split(" ")[2]);
    if (!Number.isFinite(size)) throw new Error(`git cat-file: ${header}`);
    blobs.push(out.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8"));
    at = headerEnd + 1 + size + 1;
  }
  return blobs;
}

process.exitCode = main(process.argv.slice(2));
