import type { State, Topic } from "../schema.js";
import type { StatusItem, TopicTimeline } from "../story.js";

/** The dated developments of a story's threads, for the text answer and the picture alike. */
export interface Timeline {
  from?: string;
  to?: string;
  /** One per thread, most recently changed first. */
  lanes: TimelineLane[];
  /** Every state change in range, newest first. */
  developments: Development[];
}

export interface TimelineLane {
  topic: Topic;
  /** Oldest first; the first may have started before `from` (then `startsEarlier` is set). */
  items: StatusItem[];
  startsEarlier: boolean;
  /** The dates of the articles that told of this thread, in range, ascending, unique. */
  articleDates: string[];
}

export interface Development {
  date: string;
  topic: Topic;
  /** Absent for a thread's first item. */
  from?: State;
  to: State;
  item: StatusItem;
}

export function buildTimeline(timelines: readonly TopicTimeline[], range: { from?: string; to?: string } = {}): Timeline {
  const inRange = (date: string) => (!range.from || date >= range.from) && (!range.to || date <= range.to);
  const lanes: TimelineLane[] = [];
  const developments: Development[] = [];
  for (const timeline of timelines) {
    const shown = timeline.items.filter((item) => inRange(item.date));
    const before = range.from ? timeline.items.filter((item) => item.date < range.from!).at(-1) : undefined;
    if (shown.length === 0) {
      // A thread that stood still through the whole range still has a state in it.
      if (before) lanes.push({ topic: timeline.topic, items: [before], startsEarlier: true, articleDates: [] });
      continue;
    }
    let previous: StatusItem | undefined = timeline.items[timeline.items.indexOf(shown[0]!) - 1];
    for (const item of shown) {
      developments.push({ date: item.date, topic: timeline.topic, ...(previous ? { from: previous.state } : {}), to: item.state, item });
      previous = item;
    }
    lanes.push({
      topic: timeline.topic,
      items: before ? [before, ...shown] : shown,
      startsEarlier: before !== undefined,
      articleDates: [...new Set(shown.map((item) => item.article.date).filter(inRange))].sort(),
    });
  }
  // Newest first, same-day ones too: reversed, then a stable sort by date.
  developments.reverse().sort((a, b) => b.date.localeCompare(a.date));
  return { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}), lanes, developments };
}
