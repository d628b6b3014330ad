import { THREAD_WORDS, type ThreadKind } from "../extract/status-frames.js";
import type { Topic } from "../schema.js";
import { topicKey } from "./topic-key.js";

/** What a story topic is about, read back from its names: its kind, and the words naming who takes part. */
export interface TopicThread {
  kind?: ThreadKind;
  /** Folded words of every name and alias. */
  words: Set<string>;
  /** Folded capitalised words of the name other than the kind's own: "Lind–Brenner summit" → lind, brenner. */
  participants: string[];
}

export function threadOfTopic(topic: Topic): TopicThread {
  const forms = [topic.name, ...topic.aliases];
  const kind = forms.map(kindOf).find((k) => k !== undefined);
  const words = new Set(forms.flatMap((f) => topicKey(f).split(" ")).filter(Boolean));
  // Names of people and sides are the capitalised words before the kind's noun: "Lind–Brenner summit", not "Summit in Halden".
  const head = topic.name.split(/\s+(?:in|at|on|for|to|with|between)\s+/)[0]!;
  const participants = (head.match(/\p{Lu}[\p{L}’'.-]*/gu) ?? [])
    .filter((w, i) => !(i === 0 && head.startsWith(w) && THREAD_WORDS.some((t) => t.pattern.test(w))))
    .flatMap((w) => w.split(/[–—-]/))
    .map((w) => topicKey(w))
    .filter(Boolean);
  return { ...(kind ? { kind } : {}), words, participants };
}

function kindOf(name: string): ThreadKind | undefined {
  // The kind is the noun the name ends with: "Rare earth minerals for US support" is a deal, "Trump–Putin call" a call.
  let best: { kind: ThreadKind; at: number } | undefined;
  for (const entry of THREAD_WORDS) {
    const match = new RegExp(entry.pattern.source, "gi");
    for (const m of name.matchAll(match)) if (!best || m.index > best.at) best = { kind: entry.kind, at: m.index };
  }
  return best?.kind;
}
