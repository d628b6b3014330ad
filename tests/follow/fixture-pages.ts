/**
 * Fixture news pages about a fictional conflict in the Lorrin Valley, each wrapped in the
 * furniture real news sites carry: navigation, cookie banners, share bars, newsletter and
 * "related" boxes, ads and footers, none of which may reach the story.
 */

export interface PageOptions {
  title: string;
  paragraphs: string[];
  siteName?: string;
  /** Put in <meta property="article:published_time">. */
  publishedTime?: string;
  /** Put in a <time datetime> inside the article. */
  timeDatetime?: string;
  /** Put in a JSON-LD NewsArticle block. */
  jsonLdDate?: string;
  canonical?: string;
  /** og:title instead of the h1's text. */
  ogTitle?: string;
  charsetMeta?: string;
}

export function newsPage(options: PageOptions): string {
  const head = [
    options.charsetMeta ? `<meta charset="${options.charsetMeta}">` : `<meta charset="utf-8">`,
    `<title>${options.title} | ${options.siteName ?? "News"}</title>`,
    options.ogTitle ? `<meta property="og:title" content="${options.ogTitle}">` : "",
    options.siteName ? `<meta property="og:site_name" content="${options.siteName}">` : "",
    options.publishedTime ? `<meta property="article:published_time" content="${options.publishedTime}">` : "",
    options.canonical ? `<link rel="canonical" href="${options.canonical}">` : "",
    options.jsonLdDate ? `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${options.title}","datePublished":"${options.jsonLdDate}"}</script>` : "",
    `<script>window.dataLayer = [{"ads": true}];</script>`,
  ].join("\n");
  return `<!doctype html>
<html lang="en"><head>${head}</head>
<body>
<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our cookie policy and the sharing of your data with partners.</p><button>Accept all</button></div>
<header class="site-header"><a href="/">Home</a><nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<div class="ad-slot ad"><p>ADVERTISEMENT: Cheap flights to anywhere, book now and save big on your summer holiday.</p></div>
<main>
<article>
<h1>${options.title}</h1>
${options.timeDatetime ? `<p class="byline">By Staff Reporter, <time datetime="${options.timeDatetime}">published this week</time></p>` : ""}
<div class="share-bar"><a href="#">Share on social media</a><a href="#">Email this story</a></div>
${options.paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
<div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and get the day's top stories delivered to your inbox every morning.</p></div>
</article>
<aside class="related-stories"><h2>Related stories</h2><ul><li><a href="/a">Flooding closes mountain pass as storms continue</a></li><li><a href="/b">Markets rally after surprise rate decision</a></li></ul></aside>
</main>
<footer><p>© 2026 ${options.siteName ?? "News"}. All rights reserved. Terms of use. Privacy policy. Contact us.</p></footer>
</body></html>`;
}

export const CEASEFIRE = [
  "MERROWGATE — The ceasefire in the Lorrin Valley held for a third day on Monday, as negotiators for both sides met again in the town hall of Merrowgate to discuss the withdrawal of heavy weapons.",
  "\"We are ready to talk about every remaining question, including the return of the displaced,\" said Governor Alina Brask, who leads the valley's delegation.",
  "Colonel Teo Varga, who commands the northern brigade, said his troops would stay in their positions until the talks ended and a written agreement was signed by both parties.",
  "Observers from the regional mission reported only two minor violations overnight, both near the old railway bridge south of the town, and said no one had been hurt.",
];

export const TALKS = [
  "MERROWGATE — A second round of talks on the future of the Lorrin Valley will open on Thursday, officials in Merrowgate said, after both delegations agreed on an agenda late on Tuesday.",
  "\"The agenda is short, but every line of it took a week,\" said Mara Ostel, the mediator appointed by the regional council, speaking to reporters outside the town hall.",
  "The talks will cover prisoner exchanges, the reopening of the valley road and a timetable for local elections, according to a draft seen by this newspaper.",
];

export const BRIDGE = [
  "MERROWGATE — Engineers began repairing the old railway bridge south of Merrowgate on Wednesday, the first joint project of both sides since the ceasefire in the Lorrin Valley began.",
  "\"If we can rebuild a bridge together, we can rebuild trust,\" said Governor Alina Brask, who visited the site with a small group of observers.",
  "The work is expected to take six weeks and will be paid for by the regional council, which has also promised to fund the repair of two schools in the valley.",
];

export const LATIN1 = [
  "MERROWGATE — Refugees returning to the Lorrin Valley gathered on Friday in the café Château Rouge in Merrowgate, where a volunteer named Zoë Müller handed out blankets and soup.",
  "\"Nous rentrons chez nous, enfin,\" said Hélène Sørensen, a teacher who fled the fighting last winter and came back with her two children this week.",
  "Aid groups said about four hundred families had returned since the ceasefire, most of them to villages along the valley road north of the town.",
];

export const RETRIED = [
  "MERROWGATE — The regional council approved a reconstruction fund for the Lorrin Valley on Saturday, setting aside money for roads, schools and the water network around Merrowgate.",
  "\"This money must reach the villages, not the offices,\" said Mara Ostel, the mediator, who welcomed the vote but asked for monthly public reports on spending.",
  "Council members said the first payments would be made within a month, once the valley's delegation and the council agree on a list of projects.",
];

export const MOVED = [
  "MERROWGATE — Schools in the Lorrin Valley reopened on Monday for the first time since the autumn, with teachers in Merrowgate reporting that most pupils came back on the first day.",
  "\"The children were waiting at the gate before we opened it,\" said headteacher Ivo Randall, whose school lost its roof in the shelling last year and now teaches in tents.",
  "The education office said twelve of the valley's fifteen schools were open again, and that the remaining three would follow after repairs in the spring.",
];

export const OFF_TOPIC = [
  "HARTWELL — The annual bake sale at Hartwell primary school raised more money than ever this year, thanks to a record number of lemon cakes and a surprise visit from the mayor.",
  "\"We sold out of scones before ten o'clock,\" said organiser Penny Lark, who has run the sale for eleven years and says the secret is the jam her mother makes.",
  "The money will pay for new books for the school library and a trip to the seaside for the youngest classes in June.",
];
