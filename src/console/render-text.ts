import type { ReplyPayload } from "../command-kit/command.js";
import { unescapeMarkdown } from "../message/format.js";

/** Renders a Discord message payload as plain terminal text, as a person would read it in Discord. */
export function renderText(payload: ReplyPayload): string {
  const blocks: string[] = [];
  if (payload.content) blocks.push(plain(payload.content));
  for (const embed of payload.embeds) {
    const lines: string[] = [];
    if (embed.title) lines.push(plain(embed.title), "=".repeat(Math.min(plain(embed.title).length, 60)));
    if (embed.description) lines.push(plain(embed.description));
    for (const field of embed.fields ?? []) {
      lines.push("", plain(field.name), ...plain(field.value).split("\n").map((l) => `  ${l}`));
    }
    // Discord shows footers as plain text, so they are never escaped.
    if (embed.footer) lines.push("", embed.footer.text);
    blocks.push(lines.join("\n"));
  }
  const buttons = (payload.components ?? []).flatMap((row) => row.components).filter((b) => !b.disabled);
  if (buttons.length > 0) blocks.push(`Buttons: ${buttons.map((b) => `[${b.label}]`).join(" ")} (in the console: --page N)`);
  for (const file of payload.files ?? []) blocks.push(`Attached: ${file.name} (${file.data.length} bytes)`);
  return blocks.join("\n\n");
}

/** Drops Discord markdown: links become "name <url>", emphasis and escapes go, timestamps become dates. */
function plain(text: string): string {
  const plainText = text
    .replace(/(?<!\\)\[((?:\\.|[^\]\\])+)\]\((\S+?)\)/g, "$1 <$2>")
    .replace(/(?<!\\)<t:(\d+)(?::[a-zA-Z])?>/g, (_m, s: string) => new Date(Number(s) * 1000).toISOString().replace(".000Z", "Z"))
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/(^|[^\\*])\*(?!\s)(.+?)\*/g, "$1$2");
  return unescapeMarkdown(plainText);
}
