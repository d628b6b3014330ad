import cron from "node-cron";

/** Calls `onTick` at every time the cron expression names, in its time zone. Injected so tests need not wait. */
export interface Scheduler {
  schedule(cronExpression: string, timezone: string, onTick: () => void): { stop(): void };
}

export const nodeCronScheduler: Scheduler = {
  schedule(cronExpression, timezone, onTick) {
    const task = cron.schedule(cronExpression, () => onTick(), { timezone, noOverlap: false });
    return { stop: () => void task.destroy() };
  },
};
