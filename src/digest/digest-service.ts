import { UserError } from "../core/errors.js";
import { type Schedule, latestRun, nextRun, parseSchedule } from "../core/schedule.js";
import type { Logger } from "../logger.js";
import { type RunOutcome, type RunnerDeps, runDigest } from "./run-digest.js";
import type { Scheduler } from "./scheduler.js";
import type { NewSubscription, Subscription } from "./subscriptions.js";

const TICK_SLACK_MS = 5_000;
/** Subscriptions one server may have: each posts on its own, and Discord paces a bot per server. */
export const MAX_SUBSCRIPTIONS_PER_SERVER = 25;

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
 * Digest scheduling: a once-a-minute tick runs every subscription whose next run has come,
 * as the schedule engine computes it; all runs are queued one after another so posts are
 * paced and a slow channel cannot overlap its own next run.
 */
export function createDigestService(deps: RunnerDeps & { scheduler: Scheduler; log: Logger }): DigestService {
  const { repo, log } = deps;
  /** The schedule and next run of each subscription that can run; a row whose schedule is invalid is absent. */
  const planned = new Map<number, { schedule: Schedule; next?: Date }>();
  let queue: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };

  const runSlot = (id: number, slot: Date) =>
    enqueue(async () => {
      const current = repo.get(id);
      if (!current || stopped) return undefined;
      return runDigest(current, slot.toISOString(), deps);
    });

  const tick = (id: number) => {
    const schedule = planned.get(id)?.schedule;
    if (!schedule) return Promise.resolve(undefined);
    const now = deps.now();
    // The tick stands for the slot that just came due; computing it keeps the nonce the same on a retry.
    // A few seconds of slack, in case the timer fires a hair before the minute turns.
    const slot = latestRun(schedule, new Date(now.getTime() + TICK_SLACK_MS), new Date(now.getTime() - 24 * 3600_000));
    if (!slot) return Promise.resolve(undefined);
    return runSlot(id, slot);
  };

  /** Schedules a saved subscription; a schedule this version no longer accepts fails that subscription alone. */
  const plan = (sub: Subscription) => {
    try {
      const schedule = { ...parseSchedule(sub.cron, sub.timezone), label: sub.schedule };
      const next = nextRun(schedule, deps.now());
      planned.set(sub.id, { schedule, ...(next ? { next } : {}) });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      planned.delete(sub.id);
      const problem = `Its schedule "${sub.schedule}" (${sub.timezone}) is not accepted any more: ${error.message} Subscribe the channel again with another schedule.`;
      repo.markFailing(sub.id, problem);
      log.warn({ subscription: sub.id, channel: sub.channelId, schedule: sub.schedule }, "Digest subscription not scheduled: invalid schedule");
    }
  };

  const onMinute = () => {
    const now = deps.now().getTime() + TICK_SLACK_MS;
    for (const [id, entry] of planned) {
      if (stopped || !entry.next || entry.next.getTime() > now) continue;
      // After a stall or a sleep, the latest slot due stands for all the ones passed.
      const slot = latestRun(entry.schedule, new Date(now), new Date(entry.next.getTime() - 1)) ?? entry.next;
      const next = nextRun(entry.schedule, slot);
      planned.set(id, { schedule: entry.schedule, ...(next ? { next } : {}) });
      runSlot(id, slot).catch((error: unknown) => log.error({ err: error, subscription: id }, "Digest run failed"));
    }
  };

  for (const sub of repo.list()) plan(sub);
  const ticker = deps.scheduler.everyMinute(onMinute);

  return {
    subscribe(input) {
      const schedule = parseSchedule(input.schedule, input.timezone);
      const existing = repo.byChannel(input.channelId);
      if (existing?.guildId !== input.guildId && repo.list(input.guildId).length >= MAX_SUBSCRIPTIONS_PER_SERVER) {
        throw new UserError(`This server already has ${MAX_SUBSCRIPTIONS_PER_SERVER} digest subscriptions, the most a server can have. Stop one with /digest unsubscribe first, or change an existing channel's schedule.`);
      }
      const { subscription, created } = repo.upsert({ ...input, schedule: schedule.label, cron: schedule.cron, timezone: schedule.timezone, createdAt: deps.now().toISOString() });
      plan(subscription);
      log.info({ subscription: subscription.id, channel: subscription.channelId, schedule: schedule.label, timezone: schedule.timezone, created }, "Digest subscription saved");
      const next = planned.get(subscription.id)?.next;
      return { subscription, created, ...(next ? { next } : {}) };
    },
    unsubscribe(guildId, channelId) {
      const sub = repo.byChannel(channelId);
      const removed = repo.remove(guildId, channelId);
      if (removed && sub) {
        planned.delete(sub.id);
        log.info({ subscription: sub.id, channel: channelId }, "Digest subscription removed");
      }
      return removed;
    },
    list(guildId) {
      return repo.list(guildId).map((subscription) => {
        const schedule = planned.get(subscription.id)?.schedule;
        const next = schedule && nextRun(schedule, deps.now());
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
        const schedule = planned.get(sub.id)?.schedule;
        const missed = schedule && latestRun(schedule, deps.now(), new Date(sub.lastRunAt ?? sub.createdAt));
        if (missed && repo.run(sub.id, missed.toISOString())?.state !== "done") {
          log.info({ subscription: sub.id, slot: missed.toISOString() }, "Catching up a digest missed while down");
          await runSlot(sub.id, missed);
        }
      }
    },
    tick,
    async stop() {
      stopped = true;
      ticker.stop();
      await queue;
    },
  };
}
