import { describe, expect, it } from "vitest";
import { renderText } from "../../src/console/render-text.js";

describe("rendering a payload as text", () => {
  it("shows title, description, fields and footer without Discord markdown", () => {
    const text = renderText({
      allowedMentions: { parse: [] },
      embeds: [
        {
          title: "Quotes from Ana",
          description: "**Bold** and *italic*",
          fields: [{ name: "Ana · Minister", value: "“a \\*starred\\* word”\n1 Mar 2025 · [Wire](https://example.com)" }],
          footer: { text: "…and 2 more quotes" },
        },
      ],
    });
    expect(text).toBe(
      "Quotes from Ana\n===============\nBold and italic\n\nAna · Minister\n  “a *starred* word”\n  1 Mar 2025 · Wire <https://example.com>\n\n…and 2 more quotes",
    );
  });
});
