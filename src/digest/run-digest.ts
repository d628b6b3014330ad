import type { ReplyPayload } from "../command-kit/command.js";
import { type DigestContent, digestChanges, digestSummary, isEmptyDigest } from "../core/digest.js";
import type { Catalog } from "../core/story.js";
import type { Logger } from "../logger.js";
import { type ChannelPoster, ChannelUnusableError } from "./channel-poster.js";
import { digestNonce } from "./nonce.js";
import { nothingChanged, renderDigest } from "./render-digest.js";
import type { RunRecord, Subscription, SubscriptionRepo } from "./subscriptions.js";

export interface RunnerDeps {
  repo: SubscriptionRepo;
  catalog(): Catalog;
  poster: ChannelPoster;
  now(): Date;
  log: Logger;
  /** Resolves when the next post may go out. */
  pace(): Promise<void>;
}

export type RunOutcome = "posted" | "nothing-new" | "already-done" | "failed";

/**
 * Runs one scheduled slot of one subscription: at most one digest, even across crashes.
 * The run is logged before posting; every message carries a nonce derived from the slot;
 * the cursor moves only after Discord accepted every message.
 */
export async function runDigest(subscription: Subscription, slot: string, deps: RunnerDeps): Promise<RunOutcome> {
  const { repo, log } = deps;
  const existing = repo.run(subscription.id, slot);
  if (existing?.state === "done") return "already-done";
  const context = { subscription: subscription.id, channel: subscription.channelId, slot };

  const story = deps.catalog().stories.find((s) => s.id === subscription.storyId);
  const planned: Omit<RunRecord, "state" | "messageIds"> = { subscriptionId: subscription.id, slot, kind: "empty", articleIds: [] };
  if (!story) {
    repo.startRun(planned, deps.now().toISOString());
    repo.failRun({ ...planned, state: "posting", messageIds: [] }, `The story "${subscription.storyId}" is not loaded any more.`, deps.now().toISOString(), { channelUnusable: false });
    log.error(context, "Digest skipped: its story is not loaded");
    return "failed";
  }

  // A run a crash interrupted is finished with the articles it started with, so its nonces match.
  const content = existing?.state === "posting" ? resumedContent(existing, story, repo) : freshContent(subscription, story, repo);
  const kind = content.kind === "summary" ? "summary" : isEmptyDigest(content) ? "empty" : "changes";
  const since = subscription.lastRunAt ? `<t:${Math.floor(Date.parse(subscription.lastRunAt) / 1000)}:f>` : undefined;
  const messages: ReplyPayload[] =
    kind === "empty" ? (subscription.quiet ? [] : [nothingChanged(story.title, since)]) : renderDigest(content, since ? { since } : {});
  const run: RunRecord = { ...planned, kind, articleIds: content.articles.map((a) => a.id), state: "posting", messageIds: [] };
  repo.startRun(run, deps.now().toISOString());

  // Parts recorded before a crash are not posted again; a part posted but not yet recorded
  // is sent again with its nonce, and Discord returns the message it already has.
  const ids: string[] = existing?.state === "posting" ? [...existing.messageIds] : [];
  try {
    for (const [part, message] of messages.entries()) {
      if (part < ids.length) continue;
      await deps.pace();
      ids.push((await deps.poster.post(subscription.channelId, message, digestNonce(subscription.id, slot, part))).id);
      repo.recordMessages(run, ids);
    }
  } catch (error) {
    const unusable = error instanceof ChannelUnusableError;
    repo.failRun(run, (error as Error).message, deps.now().toISOString(), { channelUnusable: unusable });
    if (unusable) log.warn({ ...context, reason: (error as Error).message }, "Digest channel unusable; subscription marked failing");
    else log.error({ ...context, err: error }, "Digest post failed");
    return "failed";
  }
  repo.finishRun(run, ids, deps.now().toISOString());
  log.info({ ...context, kind, messages: ids.length, articles: run.articleIds.length }, "Digest run finished");
  return messages.length > 0 ? "posted" : "nothing-new";
}

function freshContent(subscription: Subscription, story: Parameters<typeof digestSummary>[0], repo: SubscriptionRepo): DigestContent {
  // A new subscription hears where things stand, not the whole history.
  if (!repo.hasDelivered(subscription.id)) return digestSummary(story);
  return digestChanges(story, repo.delivered(subscription.id));
}

function resumedContent(run: RunRecord, story: Parameters<typeof digestSummary>[0], repo: SubscriptionRepo): DigestContent {
  if (run.kind === "summary") return digestSummary(story);
  const covered = new Set(run.articleIds);
  const delivered = repo.delivered(run.subscriptionId);
  // Everything not covered by this run counts as already told, so the content is the run's own.
  const notNew = new Set(story.articles.filter((a) => !covered.has(a.id) || delivered.has(a.id)).map((a) => a.id));
  return digestChanges(story, notNew);
}
