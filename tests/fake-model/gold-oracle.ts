import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { type FakeReply, jsonAnswer } from "./server.js";

interface Gold {
  conditions: { party: string; holder?: string; text: string; mentions: { article: string; firmness: string }[] }[];
  threads: { name: string; states: { state: string; article: string }[] }[];
}

/**
 * A fake model that knows the answers: for each development article it returns the gold
 * conditions and thread states of that article. eval:story against it measures what the
 * pipeline after the model (verification, merging, topic identity across articles) keeps of
 * a perfect answer; a real model can only do worse.
 */
export function goldOracle(storyDirs: string[]): (body: unknown) => FakeReply {
  const byText = new Map<string, unknown>();
  for (const dir of storyDirs) {
    const gold = JSON.parse(readFileSync(path.join(dir, "gold.json"), "utf8")) as Gold;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
      const article = file.slice(0, -4);
      byText.set(readFileSync(path.join(dir, file), "utf8"), {
        summary: `What ${article} reports.`,
        quotes: [],
        conditions: gold.conditions.flatMap((c) =>
          c.mentions.filter((m) => m.article === article).map((m) => ({ party: c.party, holder: c.holder ?? null, text: c.text, firmness: m.firmness })),
        ),
        status: gold.threads.flatMap((t) => t.states.filter((s) => s.article === article).map((s) => ({ topic: t.name, state: s.state, detail: `${t.name}: ${s.state}` }))),
      });
    }
  }
  return (body) => {
    const user = (body as { messages?: { role: string; content: string }[] }).messages?.find((m) => m.role === "user")?.content ?? "";
    const text = /<article>\n([\s\S]*)\n<\/article>$/.exec(user)?.[1];
    const answer = text === undefined ? undefined : byText.get(text);
    return answer ? jsonAnswer(answer) : { status: 400, body: { error: { message: "unknown article" } } };
  };
}
