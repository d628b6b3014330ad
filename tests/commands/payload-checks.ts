import { expect } from "vitest";
import type { ReplyPayload } from "../../src/command-kit/command.js";
import { EMBED_LIMITS, embedLength } from "../../src/message/limits.js";

/** What Discord would reject or what would ping people: checked on every payload a test sees. */
export function expectSendable(payload: ReplyPayload): void {
  expect(payload.allowedMentions).toEqual({ parse: [] });
  expect(payload.embeds.length).toBeGreaterThan(0);
  expect(payload.embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of payload.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.title);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
    }
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.footer);
    total += embedLength(embed);
  }
  expect(total).toBeLessThanOrEqual(EMBED_LIMITS.total);
}
