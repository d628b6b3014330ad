import { describe, expect, it } from "vitest";
import { extract } from "./extract-helpers.js";

/** Conditions as a reader of /conditions sees them: side, holder, firmness, text. */
function conditionsOf(text: string): [string | undefined, string | undefined, string, string][] {
  const { article, parties } = extract(`Talks\nMarch 1, 2031\n\n${text}`);
  return article.conditions.map((c) => [
    parties.find((p) => p.id === c.party)?.name,
    article.people.find((p) => p.id === c.holder)?.name,
    c.firmness,
    c.text,
  ]);
}

describe("who holds a condition", () => {
  it("ends a sentence at a lone 'no.' so the next one's subject holds the list", () => {
    const found = conditionsOf(
      "Kostrel's prime minister, Tomas Brenner, spoke on Monday. His answer was neither yes nor no. Brenner has set two conditions for any truce: first, Arvenian troops must leave Vell; second, Arvenia must free the pilots.",
    );
    expect(found).toEqual([
      ["Kostrel", "Tomas Brenner", "firm", "Arvenian troops must leave Vell"],
      ["Kostrel", "Tomas Brenner", "firm", "Arvenia must free the pilots"],
    ]);
  });

  it("takes the person in 'Kostrel's chief negotiator, Ivo Marten, said …' on the side the role names", () => {
    expect(conditionsOf("Kostrel's chief negotiator, Ivo Marten, said the corridor could open only if Arvenian troops stay off the valley road.")).toEqual([
      ["Kostrel", "Ivo Marten", "firm", "Arvenian troops stay off the valley road"],
    ]);
  });

  it("gives 'X must' to the one who says it, not to X", () => {
    expect(conditionsOf("The leader of the Harbour Alliance, Ona Pirc, said the parliament must vote on any deal before it is signed.")).toEqual([
      ["Harbour Alliance", "Ona Pirc", "firm", "the parliament must vote on any deal before it is signed"],
    ]);
  });

  it("credits the name right before the cue: '…, who demanded', 'after Kostrel refused … until'", () => {
    expect(
      conditionsOf("The Tarn Liberation Front seized the harbour in May. The offer came in a statement by the Front's commander, Lena Dusk, who demanded the release of all 40 fishermen."),
    ).toEqual([["Tarn Liberation Front", "Lena Dusk", "firm", "the release of all 40 fishermen"]]);
    expect(conditionsOf("Kostrel rejected the plan in May. The Harbour Council called off its mission, after Kostrel refused to admit observers until all of its pilots had been released.")).toEqual([
      ["Kostrel", undefined, "firm", "all of its pilots had been released"],
    ]);
  });

  it("reads no list of conditions into 'these are' or 'they are'", () => {
    expect(conditionsOf('"These are fantasies dressed up as research," a Kostreli spokesman said.')).toEqual([]);
    expect(conditionsOf('Kostrel\'s prime minister, Tomas Brenner, spoke. "They are farmers\' sons, not bargaining chips," Brenner said.')).toEqual([]);
  });
});

describe("more condition cues", () => {
  it("reads 'cannot … until' as a firm term", () => {
    expect(conditionsOf("Kostrel's envoy, Ida Renn, said the exchange cannot go ahead until both sides hand over complete lists of prisoners.")).toEqual([
      ["Kostrel", "Ida Renn", "firm", "both sides hand over complete lists of prisoners"],
    ]);
  });

  it("reads 'would like to see X' as a stated wish", () => {
    expect(conditionsOf("Kostrel's prime minister, Tomas Brenner, said he would like to see the border reopened before winter.")).toEqual([
      ["Kostrel", "Tomas Brenner", "stated", "the border reopened before winter"],
    ]);
  });

  it("ends a term where a consequence begins: ', so …'", () => {
    expect(conditionsOf("Arvenia will never accept foreign troops on its soil, so the mission will have to be unarmed, the Arvenian government said.")).toEqual([
      ["Arvenia", undefined, "non-negotiable", "no foreign troops on its soil"],
    ]);
  });

  it("drops a term no longer insisted on, and keeps the wish told after it as stated", () => {
    expect(
      conditionsOf("Kostrel's prime minister, Tomas Brenner, no longer insists that Arvenia disarm before talks, his spokesman said, but he still wants disarmament to be part of any final settlement."),
    ).toEqual([["Kostrel", "Tomas Brenner", "stated", "disarmament to be part of any final settlement"]]);
  });
});

describe("a sentence with a subject of its own", () => {
  it("does not hand its terms to the holder of the sentence before", () => {
    const found = conditionsOf("Kostrel's envoy, Ida Renn, said Arvenia must free the pilots. Varrasque told local radio that the monitoring mission was non-negotiable.");
    // The second term's side is left untold (ingest fills it from the story or drops it), never given to Kostrel.
    expect(found).toEqual([
      ["Kostrel", "Ida Renn", "firm", "Arvenia must free the pilots"],
      ["Side not named", undefined, "non-negotiable", "the monitoring mission"],
    ]);
  });
});

describe("terms told around a list or a speaker", () => {
  it("reads 'the third is our red line' as the firmness of the list's third term, not a term of its own", () => {
    expect(
      conditionsOf(
        'Arvenian and Kostreli envoys met on Monday. Interior Minister Pavla Renko said Arvenia had three conditions. First, Kostreli tanks must leave Vell. Second, Kostrel must free the pilots. Third, no Kostreli officer may enter the valley. "The third is our red line," Renko said.',
      ),
    ).toEqual([
      ["Arvenia", "Pavla Renko", "firm", "Kostreli tanks must leave Vell"],
      ["Arvenia", "Pavla Renko", "firm", "Kostrel must free the pilots"],
      ["Arvenia", "Pavla Renko", "non-negotiable", "no Kostreli officer may enter the valley"],
    ]);
  });

  it("gives the side in 'she said Arvenia had …' to the speaker, whoever was named last", () => {
    expect(conditionsOf("Arvenian and Kostreli envoys met on Monday. Interior Minister Pavla Renko spoke at Vell Roads, the anchorage outside the port. She said Arvenia had one demand: the pilots must be freed.")).toEqual([
      ["Arvenia", "Pavla Renko", "firm", "the pilots must be freed"],
    ]);
  });

  it("takes the speaker of a ', she said,' inside the sentence as the holder of the side's terms", () => {
    expect(conditionsOf("Arvenian and Kostreli envoys met on Monday. Deputy Minister Ilse Varga was guarded. Kostrel insists that every convoy be searched, she said, before it crosses.")).toEqual([
      ["Kostrel", "Ilse Varga", "firm", "every convoy be searched"],
    ]);
  });

  it("reads 'would only consider talks if A, and if B' as two firm terms of the side an unnamed spokesman speaks for", () => {
    expect(
      conditionsOf(
        "Belvard offered to host talks between Corvanne's federal government and the rebels. A government spokesman said Corvanne would only consider talks if the guns were first pulled back from the front, and if Ulmerian troops left Orskavel.",
      ),
    ).toEqual([
      ["Corvanne", undefined, "firm", "the guns were first pulled back from the front"],
      ["Corvanne", undefined, "firm", "Ulmerian troops left Orskavel"],
    ]);
  });
});

describe("what a thread's state is told by", () => {
  const statusOf = (text: string) => extract(`Talks\nMarch 1, 2031\n\n${text}`).article.status.map((s) => [s.topic, s.state]);

  it("reads 'the exchange is complete' as completed and 'the summit is done' as held", () => {
    expect(statusOf("The prisoner exchange is complete, the Red Cross says.")).toEqual([["prisoner-exchange", "completed"]]);
    expect(statusOf("The summit in Vell is done, and both delegations have gone home.").map(([, state]) => state)).toEqual(["held"]);
  });

  it("reads 'there was no such call' as a denial and 'announced a referendum' as planned", () => {
    expect(statusOf("The president's office says he spoke to the prime minister by telephone. The minister said there was no such call.").map(([, state]) => state)).toEqual(["claimed", "denied"]);
    expect(statusOf("The Council announced a referendum on joining Ulmeria.").map(([, state]) => state)).toEqual(["planned"]);
  });
});


describe("what is no term", () => {
  it("reads no term into 'will not rest until …' or into a demand counted ('dropped one demand already, the one about …')", () => {
    expect(conditionsOf('Arvenian and Kostreli envoys met on Monday. Interior Minister Pavla Renko said: "Arvenia will not rest until the first convoy has reached Vell."')).toEqual([]);
    expect(conditionsOf("Arvenian and Kostreli envoys met on Monday. Kostrel has dropped one demand already, the one about its officers at the checkpoints.")).toEqual([]);
  });
});
