import { UserError } from "../core/errors.js";
import { latestRun, nextRun, parseSchedule } from "../core/schedule.js";
import type { Logger } from "../logger.js";
import { type RunOutcome, type RunnerDeps, runDigest } from "./run-digest.js";
import type { Scheduler } from "./scheduler.js";
import type { NewSubscription, Subscription, SubscriptionRepo } from "./subscriptions.js";
import { TICK_SLACK_MS, createDigestPlan } from "./digest-plan.js";
import { createRunQueue } from "./run-queue.js";

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
 * as the schedule engine computes it (see digest-plan.ts); runs go through one queue.
 */
export function createDigestService(deps: RunnerDeps & { scheduler: Scheduler; log: Logger }): DigestService {
  const { repo, log } = deps;
  const plan = createDigestPlan({ repo, log, now: deps.now });
  const queue = createRunQueue();
  let stopped = false;

  const runSlot = (id: number, slot: Date) =>
    queue.add(async () => {
      const current = repo.get(id);
      if (!current || stopped) return undefined;
      return runDigest(current, slot.toISOString(), deps);
    });

  const onMinute = () => {
    if (stopped) return;
    for (const { subscriptionId, slot } of plan.takeDue(deps.now())) {
      runSlot(subscriptionId, slot).catch((error: unknown) => log.error({ err: error, subscription: subscriptionId }, "Digest run failed"));
    }
  };

  for (const sub of repo.list()) plan.plan(sub);
  const ticker = deps.scheduler.everyMinute(onMinute);

  return {
    subscribe(input) {
      const schedule = parseSchedule(input.schedule, input.timezone);
      checkServerCap(repo, input.guildId, input.channelId);
      const { subscription, created } = repo.upsert({ ...input, schedule: schedule.label, cron: schedule.cron, timezone: schedule.timezone, createdAt: deps.now().toISOString() });
      plan.plan(subscription);
      log.info({ subscription: subscription.id, channel: subscription.channelId, schedule: schedule.label, timezone: schedule.timezone, created }, "Digest subscription saved");
      const next = plan.next(subscription.id);
      return { subscription, created, ...(next ? { next } : {}) };
    },
    unsubscribe(guildId, channelId) {
      const sub = repo.byChannel(channelId);
      const removed = repo.remove(guildId, channelId);
      if (removed && sub) {
        plan.forget(sub.id);
        log.info({ subscription: sub.id, channel: channelId }, "Digest subscription removed");
      }
      return removed;
    },
    list(guildId) {
      return repo.list(guildId).map((subscription) => {
        const schedule = plan.schedule(subscription.id);
        const next = schedule && nextRun(schedule, deps.now());
        return { subscription, ...(next ? { next } : {}) };
      });
    },
    bySubscriptionChannel: (channelId) => repo.byChannel(channelId),
    delivered: (id) => repo.delivered(id),
    async catchUp() {
      for (const run of repo.unfinishedRuns()) {
        log.info({ subscription: run.subscriptionId, slot: run.slot }, "Finishing a digest run interrupted by a restart");
        await queue.add(async () => {
          const sub = repo.get(run.subscriptionId);
          if (sub) await runDigest(sub, run.slot, deps);
        });
      }
      for (const sub of repo.list()) {
        const schedule = plan.schedule(sub.id);
        const missed = schedule && latestRun(schedule, deps.now(), new Date(sub.lastRunAt ?? sub.createdAt));
        if (missed && repo.run(sub.id, missed.toISOString())?.state !== "done") {
          log.info({ subscription: sub.id, slot: missed.toISOString() }, "Catching up a digest missed while down");
          await runSlot(sub.id, missed);
        }
      }
    },
    tick(id) {
      const schedule = plan.schedule(id);
      const now = deps.now().getTime();
      // The tick stands for the slot that just came due; computing it keeps the nonce the same on a retry.
      const slot = schedule && latestRun(schedule, new Date(now + TICK_SLACK_MS), new Date(now - 24 * 3600_000));
      return slot ? runSlot(id, slot) : Promise.resolve(undefined);
    },
    async stop() {
      stopped = true;
      ticker.stop();
      await queue.drained();
    },
  };
}

/** A new channel counts against the server's cap; a channel changing its schedule does not. */
function checkServerCap(repo: SubscriptionRepo, guildId: string, channelId: string): void {
  if (repo.byChannel(channelId)?.guildId === guildId || repo.list(guildId).length < MAX_SUBSCRIPTIONS_PER_SERVER) return;
  throw new UserError(
    `This server already has ${MAX_SUBSCRIPTIONS_PER_SERVER} digest subscriptions, the most a server can have. Stop one with /digest unsubscribe first, or change an existing channel's schedule.`,
  );
}
