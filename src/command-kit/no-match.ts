import type { ReplyPayload } from "./command.js";
import { reply } from "../message/limits.js";
import { COLORS, escapeMarkdown } from "../message/format.js";

/**
 * The answer when a lookup finds nothing, the same in every command: what was not found,
 * then "Did you mean" with the closest names (story text, escaped here), or else what the
 * story does hold (`otherwise`, already escaped by the caller).
 */
export function noMatch(spec: { title: string; missing: string; suggestions: readonly string[]; otherwise?: string }): ReplyPayload {
  const hint = spec.suggestions.length > 0 ? `Did you mean: ${spec.suggestions.map(escapeMarkdown).join(", ")}?` : (spec.otherwise ?? "");
  return reply({ title: spec.title, description: [spec.missing, hint].filter(Boolean).join("\n"), color: COLORS.warning });
}

/** The first line when /status or /timeline finds no thread. */
export function noThread(storyTitle: string, topic: string | undefined): string {
  const title = escapeMarkdown(storyTitle);
  return topic ? `No thread about "${escapeMarkdown(topic)}" in ${title}.` : `No status recorded in ${title} yet.`;
}
