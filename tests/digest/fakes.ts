import { pino } from "pino";
import type { ReplyPayload } from "../../src/command-kit/command.js";
import type { Catalog } from "../../src/core/story.js";
import { type ChannelPoster, ChannelUnusableError } from "../../src/digest/channel-poster.js";
import { createDigestService } from "../../src/digest/digest-service.js";
import type { Scheduler } from "../../src/digest/scheduler.js";
import { openStateDb, type StateDb } from "../../src/digest/state-db.js";
import { subscriptionRepo, type SubscriptionRepo } from "../../src/digest/subscriptions.js";

/** A scheduler that ticks only when a test says so: tests set the clock, then fire the minute's tick. */
export function manualScheduler() {
  const tickers = new Set<() => void>();
  const scheduler: Scheduler = {
    everyMinute(onTick) {
      tickers.add(onTick);
      return { stop: () => void tickers.delete(onTick) };
    },
  };
  return { scheduler, tickers, fireAll: () => [...tickers].forEach((onTick) => onTick()) };
}

/** A channel poster that dedupes on nonce as Discord does, and can lose a channel. */
export function fakePoster() {
  const messages = new Map<string, { id: string; nonce: string; payload: ReplyPayload }[]>();
  const unusable = new Set<string>();
  let nextId = 1;
  const calls: string[] = [];
  const poster: ChannelPoster = {
    async post(channelId, payload, nonce) {
      calls.push(nonce);
      if (unusable.has(channelId)) throw new ChannelUnusableError(`Cannot post in <#${channelId}>: the channel was deleted.`);
      const list = messages.get(channelId) ?? [];
      const existing = list.find((m) => m.nonce === nonce);
      if (existing) return { id: existing.id };
      const message = { id: String(nextId++), nonce, payload };
      messages.set(channelId, [...list, message]);
      return { id: message.id };
    },
  };
  return { poster, messages: (channelId: string) => messages.get(channelId) ?? [], unusable, calls };
}

export function testClock(iso: string) {
  let now = new Date(iso);
  return { now: () => now, set: (next: string) => (now = new Date(next)) };
}

export interface DigestRig {
  db: StateDb;
  repo: SubscriptionRepo;
  service: ReturnType<typeof createDigestService>;
  scheduler: ReturnType<typeof manualScheduler>;
  restart(options?: { repo?: SubscriptionRepo }): DigestRig;
}

/** The digest service over a real SQLite file, a fake poster and a test clock. */
export function digestRig(options: { file: string; catalog: () => Catalog; poster: ChannelPoster; clock: { now(): Date }; repo?: SubscriptionRepo }): DigestRig {
  const db = openStateDb(options.file);
  const repo = options.repo ?? subscriptionRepo(db);
  const scheduler = manualScheduler();
  const service = createDigestService({
    repo,
    catalog: options.catalog,
    poster: options.poster,
    now: options.clock.now,
    log: pino({ level: "silent" }),
    pace: async () => {},
    scheduler: scheduler.scheduler,
  });
  return {
    db,
    repo,
    service,
    scheduler,
    restart(next = {}) {
      void service.stop();
      db.close();
      return digestRig({ ...options, ...(next.repo ? { repo: next.repo } : { repo: undefined }) });
    },
  };
}
