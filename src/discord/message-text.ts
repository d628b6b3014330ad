import type { Message } from "discord.js";

/**
 * The words of a right-clicked message: its content, else the text of its embeds (a quote
 * someone shared through another bot). Bounded: a search needs the first words, not a novel.
 */
export function messageText(message: Pick<Message, "content" | "embeds">): string {
  const parts = message.content ? [message.content] : message.embeds.flatMap((e) => [e.title ?? "", e.description ?? "", ...e.fields.map((f) => f.value)]);
  return parts.filter(Boolean).join("\n").slice(0, 4000);
}
