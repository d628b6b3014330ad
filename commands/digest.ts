import { ChannelType, InteractionContextType, PermissionFlagsBits } from "discord-api-types/v10";
import { type ChannelCheck, type Command, type CommandDeps, type Options, OptionType, type ReplyPayload, stringOption } from "../src/command-kit/command.js";
import type { DigestService } from "../src/digest/digest-service.js";
import { listEmbed, reply } from "../src/message/limits.js";
import { COLORS, channelMention, escapeMarkdown, timestamp } from "../src/message/format.js";
import { completeStory, storyOption } from "../src/command-kit/story-option.js";
import { digestChanges, digestSince, digestSummary, isEmptyDigest } from "../src/core/digest.js";
import { UserError } from "../src/core/errors.js";
import { pickStory } from "../src/core/pick-story.js";
import { isTimeZone, parseSchedule } from "../src/core/schedule.js";
import { dateOption } from "../src/command-kit/date-option.js";
import { nothingChanged, renderDigest } from "../src/digest/render-digest.js";

const MANAGE_GUILD = PermissionFlagsBits.ManageGuild;
const ADMINISTRATOR = PermissionFlagsBits.Administrator;
const TEXT_CHANNELS: (ChannelType.GuildText | ChannelType.GuildAnnouncement)[] = [ChannelType.GuildText, ChannelType.GuildAnnouncement];
const PRESETS = ["hourly", "daily 08:00", "daily 18:00", "weekly mon 08:00", "weekly fri 17:00"];

/** /digest's port to the digest service: the Discord bot provides it; the console, with no server to post in, has none. */
export interface DigestPort {
  service: Pick<DigestService, "subscribe" | "unsubscribe" | "list" | "bySubscriptionChannel" | "delivered">;
  /** Whether a channel is in the invoking server and the bot may view, send and embed there, from what Discord told it. */
  checkChannel(channelId: string, guildId: string): ChannelCheck;
}

/** What /digest needs beyond the story and the clock. */
export interface DigestServices {
  digests?: DigestPort;
}

type DigestDeps = CommandDeps & DigestServices;

export const digest: Command<DigestServices> = {
  definition: {
    name: "digest",
    description: "Scheduled digests of what changed in the story, posted to a channel",
    // Manage Server by default; server admins can widen it in Integrations settings.
    default_member_permissions: String(MANAGE_GUILD),
    contexts: [InteractionContextType.Guild],
    options: [
      {
        type: OptionType.Subcommand,
        name: "subscribe",
        description: "Post a digest of what changed to a channel, on a schedule",
        options: [
          { type: OptionType.Channel, name: "channel", description: "Where to post", required: true, channel_types: TEXT_CHANNELS },
          { type: OptionType.String, name: "schedule", description: "hourly, daily 08:00, weekly mon 08:00, or cron such as 30 7 * * 1-5", required: true, autocomplete: true, max_length: 60 },
          { type: OptionType.String, name: "timezone", description: "IANA time zone for the schedule, e.g. Europe/Kyiv (default UTC)", autocomplete: true, max_length: 64 },
          storyOption,
          { type: OptionType.Boolean, name: "quiet", description: "Post nothing when nothing changed (default: true)" },
        ],
      },
      {
        type: OptionType.Subcommand,
        name: "unsubscribe",
        description: "Stop posting digests to a channel",
        options: [{ type: OptionType.Channel, name: "channel", description: "The channel to stop", required: true, channel_types: TEXT_CHANNELS }],
      },
      { type: OptionType.Subcommand, name: "list", description: "This server's digest subscriptions, with next and last runs" },
      {
        type: OptionType.Subcommand,
        name: "preview",
        description: "What a digest would hold now, or since a date (only you see it)",
        options: [{ type: OptionType.String, name: "since", description: "A date as YYYY-MM-DD", max_length: 10 }, storyOption],
      },
    ],
  },

  run(options, deps) {
    const subcommand = String(options.subcommand ?? "");
    if (subcommand === "preview") return preview(options, deps);
    const { digests, guildId } = manager(deps, subcommand);
    if (subcommand === "subscribe") return subscribe(options, deps, digests, guildId);
    if (subcommand === "unsubscribe") return unsubscribe(options, digests, guildId);
    if (subcommand === "list") return list(digests, guildId, deps);
    throw new UserError("Use /digest subscribe, unsubscribe, list or preview.");
  },

  autocomplete(option, typed, deps) {
    if (option === "story") return completeStory(typed, deps);
    if (option === "schedule") return completeSchedule(typed);
    if (option === "timezone") return completeTimeZone(typed);
    return [];
  },
};

/** Managing digests happens in a server, by someone allowed to manage it; checked here as well as by Discord. */
function manager(deps: DigestDeps, subcommand: string): { digests: DigestPort; guildId: string } {
  const { digests, invoker } = deps;
  if (!digests || !invoker?.guildId) throw new UserError(`/digest ${subcommand} works in a Discord server; here, try /digest preview.`);
  const permissions = invoker.permissions ?? 0n;
  if ((permissions & (MANAGE_GUILD | ADMINISTRATOR)) === 0n) throw new UserError("Managing digests needs the Manage Server permission.");
  return { digests, guildId: invoker.guildId };
}

function subscribe(options: Options, deps: CommandDeps, digests: DigestPort, guildId: string): ReplyPayload {
  const channelId = requiredChannel(options);
  const story = pickStory(deps.catalog(), stringOption(options, "story"));
  const access = digests.checkChannel(channelId, guildId);
  if (!access.ok) throw new UserError(`I can't post digests in ${channelMention(channelId)}: ${access.problem}`, { markup: true });
  const { subscription, created, next } = digests.service.subscribe({
    guildId,
    channelId,
    storyId: story.id,
    schedule: stringOption(options, "schedule") ?? "",
    timezone: stringOption(options, "timezone") ?? "UTC",
    quiet: options.quiet !== false,
    ...(deps.invoker ? { createdBy: deps.invoker.userId } : {}),
  });
  const lines = [
    `${channelMention(channelId)} will get what changes in **${escapeMarkdown(story.title)}**: ${escapeMarkdown(subscription.schedule)} (${escapeMarkdown(subscription.timezone)}).`,
    next ? `Next digest: ${timestamp(next, "F")} (${timestamp(next, "R")}).` : "This schedule has no run in the next five years.",
    created ? "The first digest sums up where things stand; later ones say what changed." : "Its settings are updated; what it already posted stays posted.",
    subscription.quiet ? "When nothing changed, nothing is posted." : "When nothing changed, it says so in one line.",
  ];
  return reply({ title: created ? "Digest subscribed" : "Digest updated", description: lines.join("\n"), color: COLORS.success }, { ephemeral: true });
}

function unsubscribe(options: Options, digests: DigestPort, guildId: string): ReplyPayload {
  const channelId = requiredChannel(options);
  if (!digests.service.unsubscribe(guildId, channelId)) throw new UserError(`${channelMention(channelId)} has no digest subscription. See /digest list.`, { markup: true });
  return reply({ title: "Digest stopped", description: `${channelMention(channelId)} will get no more digests.`, color: COLORS.neutral }, { ephemeral: true });
}

function list(digests: DigestPort, guildId: string, deps: CommandDeps): ReplyPayload {
  const entries = digests.service.list(guildId);
  if (entries.length === 0) {
    return reply({ title: "No digest subscriptions", description: "Start one with /digest subscribe channel:#news schedule:daily 08:00", color: COLORS.neutral }, { ephemeral: true });
  }
  const titles = new Map(deps.catalog().stories.map((s) => [s.id, s.title]));
  // Field names cannot render channel mentions, so the channel is the value's first line.
  const items = entries.map(({ subscription: s, next }, i) => ({
    name: `Subscription ${i + 1}`,
    value: [
      `${channelMention(s.channelId)} · ${escapeMarkdown(titles.get(s.storyId) ?? s.storyId)}`,
      `Schedule: ${escapeMarkdown(s.schedule)} (${escapeMarkdown(s.timezone)})${s.quiet ? ", quiet" : ""}`,
      `Next run: ${next ? timestamp(next, "f") : "none"}`,
      `Last run: ${s.lastRunAt ? timestamp(new Date(s.lastRunAt), "f") : "not yet"}`,
      s.failing || s.lastError ? `⚠️ Failing: ${s.lastError ?? "unknown error"}` : "Status: OK",
    ].join("\n"),
  }));
  return reply(listEmbed({ title: "Digest subscriptions", color: COLORS.neutral, items, noun: "subscriptions" }), { ephemeral: true });
}

function preview(options: Options, deps: DigestDeps): ReplyPayload {
  const story = pickStory(deps.catalog(), stringOption(options, "story"));
  const since = dateOption(options, "since");
  const digests = deps.digests;
  const subscription = deps.invoker?.channelId ? digests?.service.bySubscriptionChannel(deps.invoker.channelId) : undefined;
  const content = since
    ? digestSince(story, since)
    : digests && subscription && subscription.lastRunAt
      ? digestChanges(story, digests.service.delivered(subscription.id))
      : digestSummary(story);
  const messages = isEmptyDigest(content) && content.kind === "changes" ? [nothingChanged(story.title, since)] : renderDigest(content, since ? { since } : {});
  const first = messages[0]!;
  const more = messages.length - 1;
  const note = `Preview: only you see this.${more > 0 ? ` The digest continues in ${more} more message${more === 1 ? "" : "s"}.` : ""}`;
  return { ...first, content: first.content ? `${note}\n${first.content}` : note, ephemeral: true };
}

function requiredChannel(options: Options): string {
  const channel = stringOption(options, "channel");
  if (!channel) throw new UserError("Pick a channel, e.g. channel:#news.");
  return channel;
}

function completeSchedule(typed: string) {
  const text = typed.trim().toLowerCase();
  const presets = PRESETS.filter((p) => p.includes(text));
  let own: string[] = [];
  if (text && !presets.includes(text)) {
    try {
      own = [parseSchedule(text).label];
    } catch {
      own = [];
    }
  }
  return [...own, ...presets].slice(0, 25).map((p) => ({ name: p, value: p }));
}

/** ICU still lists some zones under old names (Europe/Kiev); people type the current ones. */
const RENAMED_ZONES = ["Europe/Kyiv"];
const TIME_ZONES = [...new Set([...RENAMED_ZONES.filter(isTimeZone), ...Intl.supportedValuesOf("timeZone")])].sort();

function completeTimeZone(typed: string) {
  const text = typed.trim().toLowerCase().replace(/\s+/g, "_");
  const zones = ["UTC", ...TIME_ZONES].filter((z) => z.toLowerCase().includes(text));
  return zones.slice(0, 25).map((z) => ({ name: z, value: z }));
}
