import type { StateDb } from "./state-db.js";

/** Subscriptions, their cursors and the delivery log, over the state database. */

export interface Subscription {
  id: number;
  guildId: string;
  channelId: string;
  storyId: string;
  /** As the user wrote it, e.g. "daily 08:00". */
  schedule: string;
  cron: string;
  timezone: string;
  quiet: boolean;
  createdBy?: string;
  createdAt: string;
  lastRunAt?: string;
  lastError?: string;
  failing: boolean;
}

export type RunState = "posting" | "done" | "failed";

export interface RunRecord {
  subscriptionId: number;
  /** ISO time of the scheduled slot this run stands for. */
  slot: string;
  state: RunState;
  kind: "changes" | "summary" | "empty";
  articleIds: string[];
  messageIds: string[];
  error?: string;
}

export type NewSubscription = Omit<Subscription, "id" | "lastRunAt" | "lastError" | "failing">;

interface SubscriptionRow {
  id: number;
  guild_id: string;
  channel_id: string;
  story_id: string;
  schedule: string;
  cron: string;
  timezone: string;
  quiet: number;
  created_by: string | null;
  created_at: string;
  last_run_at: string | null;
  last_error: string | null;
  failing: number;
}

interface RunRow {
  subscription_id: number;
  slot: string;
  state: RunState;
  kind: RunRecord["kind"];
  article_ids: string;
  message_ids: string;
  error: string | null;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    storyId: row.story_id,
    schedule: row.schedule,
    cron: row.cron,
    timezone: row.timezone,
    quiet: row.quiet === 1,
    ...(row.created_by ? { createdBy: row.created_by } : {}),
    createdAt: row.created_at,
    ...(row.last_run_at ? { lastRunAt: row.last_run_at } : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
    failing: row.failing === 1,
  };
}

function toRun(row: RunRow): RunRecord {
  return {
    subscriptionId: row.subscription_id,
    slot: row.slot,
    state: row.state,
    kind: row.kind,
    articleIds: JSON.parse(row.article_ids) as string[],
    messageIds: JSON.parse(row.message_ids) as string[],
    ...(row.error ? { error: row.error } : {}),
  };
}

export interface SubscriptionRepo {
  /** Creates, or updates the channel's existing subscription keeping its cursor; says which. */
  upsert(sub: NewSubscription): { subscription: Subscription; created: boolean };
  remove(guildId: string, channelId: string): boolean;
  get(id: number): Subscription | undefined;
  byChannel(channelId: string): Subscription | undefined;
  list(guildId?: string): Subscription[];
  delivered(subscriptionId: number): Set<string>;
  run(subscriptionId: number, slot: string): RunRecord | undefined;
  unfinishedRuns(): RunRecord[];
  hasDelivered(subscriptionId: number): boolean;
  startRun(run: Omit<RunRecord, "state" | "messageIds">, at: string): void;
  /** Records the messages Discord accepted so far, so a restart does not post them again. */
  recordMessages(run: RunRecord, messageIds: string[]): void;
  /** The post was accepted: the cursor moves, the run is done, the failure (if any) is cleared. All or nothing. */
  finishRun(run: RunRecord, messageIds: string[], at: string): void;
  failRun(run: RunRecord, error: string, at: string, options: { channelUnusable: boolean }): void;
  /** Marks a subscription failing without a run, e.g. when its saved schedule cannot be scheduled. */
  markFailing(subscriptionId: number, error: string): void;
}

export function subscriptionRepo(db: StateDb): SubscriptionRepo {
  const q = {
    insert: db.prepare(
      `INSERT INTO subscriptions (guild_id, channel_id, story_id, schedule, cron, timezone, quiet, created_by, created_at)
       VALUES (@guildId, @channelId, @storyId, @schedule, @cron, @timezone, @quiet, @createdBy, @createdAt)
       ON CONFLICT (channel_id) DO UPDATE SET story_id = excluded.story_id, schedule = excluded.schedule, cron = excluded.cron,
         timezone = excluded.timezone, quiet = excluded.quiet, failing = 0, last_error = NULL`,
    ),
    byChannel: db.prepare<[string], SubscriptionRow>("SELECT * FROM subscriptions WHERE channel_id = ?"),
    byId: db.prepare<[number], SubscriptionRow>("SELECT * FROM subscriptions WHERE id = ?"),
    all: db.prepare<[], SubscriptionRow>("SELECT * FROM subscriptions ORDER BY id"),
    inGuild: db.prepare<[string], SubscriptionRow>("SELECT * FROM subscriptions WHERE guild_id = ? ORDER BY id"),
    remove: db.prepare<[string, string]>("DELETE FROM subscriptions WHERE guild_id = ? AND channel_id = ?"),
    delivered: db.prepare<[number], { article_id: string }>("SELECT article_id FROM deliveries WHERE subscription_id = ?"),
    anyDelivered: db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM runs WHERE subscription_id = ? AND state = 'done' AND kind != 'empty'"),
    deliver: db.prepare<[number, string, string]>("INSERT OR IGNORE INTO deliveries (subscription_id, article_id, delivered_at) VALUES (?, ?, ?)"),
    run: db.prepare<[number, string], RunRow>("SELECT * FROM runs WHERE subscription_id = ? AND slot = ?"),
    unfinished: db.prepare<[], RunRow>("SELECT * FROM runs WHERE state = 'posting' ORDER BY started_at"),
    startRun: db.prepare(
      `INSERT INTO runs (subscription_id, slot, state, kind, article_ids, started_at) VALUES (@subscriptionId, @slot, 'posting', @kind, @articleIds, @at)
       ON CONFLICT (subscription_id, slot) DO UPDATE SET state = 'posting', kind = excluded.kind, article_ids = excluded.article_ids, error = NULL`,
    ),
    recordMessages: db.prepare("UPDATE runs SET message_ids = @messageIds WHERE subscription_id = @subscriptionId AND slot = @slot AND state = 'posting'"),
    endRun: db.prepare("UPDATE runs SET state = @state, message_ids = @messageIds, error = @error, finished_at = @at WHERE subscription_id = @subscriptionId AND slot = @slot"),
    subOk: db.prepare<[string, number]>("UPDATE subscriptions SET last_run_at = ?, last_error = NULL, failing = 0 WHERE id = ?"),
    markFailing: db.prepare<[string, number]>("UPDATE subscriptions SET last_error = ?, failing = 1 WHERE id = ?"),
    subFailed: db.prepare<[string, string, number, number]>("UPDATE subscriptions SET last_run_at = ?, last_error = ?, failing = ? WHERE id = ?"),
  };

  const finishRun = db.transaction((run: RunRecord, messageIds: string[], at: string) => {
    q.endRun.run({ subscriptionId: run.subscriptionId, slot: run.slot, state: "done", messageIds: JSON.stringify(messageIds), error: null, at });
    for (const id of run.articleIds) q.deliver.run(run.subscriptionId, id, at);
    q.subOk.run(at, run.subscriptionId);
  });
  const failRun = db.transaction((run: RunRecord, error: string, at: string, channelUnusable: boolean) => {
    q.endRun.run({ subscriptionId: run.subscriptionId, slot: run.slot, state: "failed", messageIds: "[]", error, at });
    q.subFailed.run(at, error, channelUnusable ? 1 : 0, run.subscriptionId);
  });

  return {
    upsert(sub) {
      const existed = q.byChannel.get(sub.channelId) !== undefined;
      q.insert.run({ ...sub, quiet: sub.quiet ? 1 : 0, createdBy: sub.createdBy ?? null });
      return { subscription: toSubscription(q.byChannel.get(sub.channelId)!), created: !existed };
    },
    remove: (guildId, channelId) => q.remove.run(guildId, channelId).changes > 0,
    get: (id) => {
      const row = q.byId.get(id);
      return row ? toSubscription(row) : undefined;
    },
    byChannel: (channelId) => {
      const row = q.byChannel.get(channelId);
      return row ? toSubscription(row) : undefined;
    },
    list: (guildId) => (guildId ? q.inGuild.all(guildId) : q.all.all()).map(toSubscription),
    delivered: (id) => new Set(q.delivered.all(id).map((r) => r.article_id)),
    hasDelivered: (id) => q.anyDelivered.get(id)!.n > 0,
    run: (id, slot) => {
      const row = q.run.get(id, slot);
      return row ? toRun(row) : undefined;
    },
    unfinishedRuns: () => q.unfinished.all().map(toRun),
    startRun: (run, at) => void q.startRun.run({ subscriptionId: run.subscriptionId, slot: run.slot, kind: run.kind, articleIds: JSON.stringify(run.articleIds), at }),
    recordMessages: (run, messageIds) => void q.recordMessages.run({ subscriptionId: run.subscriptionId, slot: run.slot, messageIds: JSON.stringify(messageIds) }),
    finishRun: (run, messageIds, at) => finishRun(run, messageIds, at),
    failRun: (run, error, at, options) => failRun(run, error, at, options.channelUnusable),
    markFailing: (id, error) => void q.markFailing.run(error, id),
  };
}
