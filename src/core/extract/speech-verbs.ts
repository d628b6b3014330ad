/** Verbs that introduce what someone said, in the forms news copy uses them. */
const FINITE = [
  "said", "says", "say", "added", "adds", "told", "tells", "asked", "asks", "wrote", "writes", "tweeted", "tweets",
  "declared", "declares", "explained", "explains", "noted", "notes", "continued", "continues", "stated",
  "argued", "argues", "insisted", "insists", "warned", "warns", "recalled", "recalls", "replied", "replies",
  "responded", "responds", "remarked", "joked", "jokes", "claimed", "claims", "acknowledged", "acknowledges",
  "admitted", "admits", "observed", "announced", "announces", "concluded", "complained", "complains", "predicted",
  "suggested", "suggests", "countered", "quipped", "quips", "shouted", "yelled", "urged", "urges", "posted",
  "exclaimed", "conceded", "emphasized", "stressed", "boasted", "boasts", "lamented", "cautioned", "vowed", "vows",
  "promised", "promises", "reiterated", "mused", "pleaded", "testified", "thundered", "scoffed", "chided", "wondered",
  "explained", "confirmed", "denied", "charged", "contended", "maintained", "asserted", "alleged", "proclaimed",
  "pointed out", "went on", "chimed in", "shot back", "fired back", "was quoted as saying", "is quoted as saying",
  "reported", "reports", "revealed", "reveals", "answered", "answers", "echoed", "echoes", "retorted", "agreed", "agrees",
  "opined", "points out", "goes on", "chimes in", "replied", "offered", "called", "labeled", "described",
  "hailed", "praised",
];
const PARTICIPLE = [
  "saying", "adding", "noting", "telling", "writing", "declaring", "explaining", "arguing", "insisting", "warning",
  "stating", "asking", "calling", "tweeting", "recalling", "continuing", "claiming", "urging", "vowing", "stressing",
  "promising", "complaining", "suggesting", "concluding", "joking", "acknowledging", "admitting", "boasting",
  "declaring", "describing", "labeling", "labelling", "predicting", "posting", "responding", "replying", "answering",
];

const alternatives = (words: string[]) =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, "\\s+")).join("|");

export const FINITE_VERB = alternatives(FINITE);
export const PARTICIPLE_VERB = alternatives(PARTICIPLE);
export const ANY_SPEECH_VERB = `${FINITE_VERB}|${PARTICIPLE_VERB}`;
export const PARTICIPLES = new Set(PARTICIPLE);
