import cron from "node-cron";

/**
 * A once-a-minute tick. Which subscriptions are due is decided by the schedule engine
 * (src/core/schedule.ts), never by node-cron, so validity, firing and "next run" cannot
 * disagree. Injected so tests need not wait.
 */
export interface Scheduler {
  everyMinute(onTick: () => void): { stop(): void };
}

export const nodeCronScheduler: Scheduler = {
  everyMinute(onTick) {
    const task = cron.schedule("* * * * *", () => onTick(), { timezone: "UTC", noOverlap: false });
    return { stop: () => void task.destroy() };
  },
};
