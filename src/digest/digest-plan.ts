import { UserError } from "../core/errors.js";
import { type Schedule, latestRun, nextRun, parseSchedule } from "../core/schedule.js";
import type { Logger } from "../logger.js";
import type { Subscription, SubscriptionRepo } from "./subscriptions.js";

/** A few seconds of slack, in case the minute's tick fires a hair before the minute turns. */
export const TICK_SLACK_MS = 5_000;

export interface DigestPlan {
  /** (Re)plans a saved subscription; a schedule this version no longer accepts fails that subscription alone. */
  plan(sub: Subscription): void;
  forget(subscriptionId: number): void;
  schedule(subscriptionId: number): Schedule | undefined;
  next(subscriptionId: number): Date | undefined;
  /** The subscriptions whose next run has come by `now`, each with the one slot it runs for; their next runs move on. */
  takeDue(now: Date): { subscriptionId: number; slot: Date }[];
}

/** Each schedulable subscription's schedule and next run, as the schedule engine computes them. */
export function createDigestPlan(deps: { repo: SubscriptionRepo; log: Logger; now(): Date }): DigestPlan {
  const planned = new Map<number, { schedule: Schedule; next?: Date }>();
  const entry = (schedule: Schedule, next: Date | undefined) => ({ schedule, ...(next ? { next } : {}) });

  return {
    plan(sub) {
      try {
        const schedule = { ...parseSchedule(sub.cron, sub.timezone), label: sub.schedule };
        planned.set(sub.id, entry(schedule, nextRun(schedule, deps.now())));
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        planned.delete(sub.id);
        deps.repo.markFailing(sub.id, `Its schedule "${sub.schedule}" (${sub.timezone}) is not accepted any more: ${error.message} Subscribe the channel again with another schedule.`);
        deps.log.warn({ subscription: sub.id, channel: sub.channelId, schedule: sub.schedule }, "Digest subscription not scheduled: invalid schedule");
      }
    },
    forget: (id) => void planned.delete(id),
    schedule: (id) => planned.get(id)?.schedule,
    next: (id) => planned.get(id)?.next,
    takeDue(now) {
      const due: { subscriptionId: number; slot: Date }[] = [];
      const until = new Date(now.getTime() + TICK_SLACK_MS);
      for (const [subscriptionId, { schedule, next }] of planned) {
        if (!next || next > until) continue;
        // After a stall or a sleep, the latest slot due stands for all the ones passed.
        const slot = latestRun(schedule, until, new Date(next.getTime() - 1)) ?? next;
        planned.set(subscriptionId, entry(schedule, nextRun(schedule, slot)));
        due.push({ subscriptionId, slot });
      }
      return due;
    },
  };
}
