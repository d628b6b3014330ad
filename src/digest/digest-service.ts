import { type Schedule, latestRun, nextRun, parseSchedule } from "../core/schedule.js";
import type { Logger } from "../logger.js";
import { type RunOutcome, type RunnerDeps, runDigest } from "./run-digest.js";
import type { Scheduler } from "./scheduler.js";
import type { NewSubscription, Subscription } from "./subscriptions.js";

const TICK_SLACK_MS = 5_000;

export interface DigestService {
  /** Creates or updates the channel's subscription and (re)schedules it. */
  subscribe(input: Omit<NewSubscription, "cron" | "createdAt"> & { timezone: string }): { subscription: Subscription; created: boolean; next?: Date };
  unsubscribe(guildId: string, channelId: string): boolean;
  list(guildId: string): { subscription: Subscription; next?: Date }[];
  bySubscriptionChannel(channelId: string): Subscription | undefined;
  delivered(subscriptionId: number): Set<string>;
  /** Finishes runs a crash interrupted, then runs each subscription's latest missed slot once. */
  catchUp(): Promise<void>;
  /** Runs the slot due at `now` for one subscription (what a scheduler tick does). */
  tick(subscriptionId: number): Promise<RunOutcome | undefined>;
  /** Stops scheduling and resolves once the run under way (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Digest scheduling: one scheduler task per subscription, all runs queued one after
 * another so posts are paced and a slow channel cannot overlap its own next run.
 */
export function createDigestService(deps: RunnerDeps & { scheduler: Scheduler; log: Logger }): DigestService {
  const { repo, log } = deps;
  const tasks = new Map<number, { stop(): void }>();
  let queue: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };
  const scheduleOf = (s: Subscription): Schedule => ({ cron: s.cron, timezone: s.timezone, label: s.schedule });

  const runSlot = (id: number, slot: Date) =>
    enqueue(async () => {
      const current = repo.get(id);
      if (!current || stopped) return undefined;
      return runDigest(current, slot.toISOString(), deps);
    });

  const tick = (id: number) => {
    const sub = repo.get(id);
    if (!sub) return Promise.resolve(undefined);
    const now = deps.now();
    // The tick stands for the slot that just came due; computing it keeps the nonce the same on a retry.
    // A few seconds of slack, in case the timer fires a hair before the minute turns.
    const slot = latestRun(scheduleOf(sub), new Date(now.getTime() + TICK_SLACK_MS), new Date(now.getTime() - 24 * 3600_000));
    if (!slot) return Promise.resolve(undefined);
    return runSlot(id, slot);
  };

  const plan = (sub: Subscription) => {
    tasks.get(sub.id)?.stop();
    tasks.set(
      sub.id,
      deps.scheduler.schedule(sub.cron, sub.timezone, () => {
        tick(sub.id).catch((error: unknown) => log.error({ err: error, subscription: sub.id }, "Digest tick failed"));
      }),
    );
  };

  for (const sub of repo.list()) plan(sub);

  return {
    subscribe(input) {
      const schedule = parseSchedule(input.schedule, input.timezone);
      const { subscription, created } = repo.upsert({ ...input, schedule: schedule.label, cron: schedule.cron, timezone: schedule.timezone, createdAt: deps.now().toISOString() });
      plan(subscription);
      log.info({ subscription: subscription.id, channel: subscription.channelId, schedule: schedule.label, timezone: schedule.timezone, created }, "Digest subscription saved");
      const next = nextRun(schedule, deps.now());
      return { subscription, created, ...(next ? { next } : {}) };
    },
    unsubscribe(guildId, channelId) {
      const sub = repo.byChannel(channelId);
      const removed = repo.remove(guildId, channelId);
      if (removed && sub) {
        tasks.get(sub.id)?.stop();
        tasks.delete(sub.id);
        log.info({ subscription: sub.id, channel: channelId }, "Digest subscription removed");
      }
      return removed;
    },
    list(guildId) {
      return repo.list(guildId).map((subscription) => {
        const next = nextRun(scheduleOf(subscription), deps.now());
        return { subscription, ...(next ? { next } : {}) };
      });
    },
    bySubscriptionChannel: (channelId) => repo.byChannel(channelId),
    delivered: (id) => repo.delivered(id),
    async catchUp() {
      for (const run of repo.unfinishedRuns()) {
        log.info({ subscription: run.subscriptionId, slot: run.slot }, "Finishing a digest run interrupted by a restart");
        await enqueue(async () => {
          const sub = repo.get(run.subscriptionId);
          if (sub) await runDigest(sub, run.slot, deps);
        });
      }
      for (const sub of repo.list()) {
        const since = new Date(sub.lastRunAt ?? sub.createdAt);
        const missed = latestRun(scheduleOf(sub), deps.now(), since);
        if (missed && repo.run(sub.id, missed.toISOString())?.state !== "done") {
          log.info({ subscription: sub.id, slot: missed.toISOString() }, "Catching up a digest missed while down");
          await runSlot(sub.id, missed);
        }
      }
    },
    tick,
    async stop() {
      stopped = true;
      for (const task of tasks.values()) task.stop();
      tasks.clear();
      await queue;
    },
  };
}
