import { type Story, type TopicTimeline, topicTimelines } from "./story.js";
import { indexStory } from "./story-index.js";

/**
 * Topics by name first ("meeting", "call"); when no topic is named that way, by what
 * their status items say ("Saudi" finds the meeting that may be held there).
 * Newest current state first.
 */
export function searchStatus(story: Story, request: { topic?: string }): TopicTimeline[] {
  const timelines = topicTimelines(story);
  if (!request.topic?.trim()) return timelines;
  const index = indexStory(story);
  let topicIds = new Set(index.topics.find(request.topic).map((t) => t.id));
  if (topicIds.size === 0) topicIds = new Set(index.status.find(request.topic).map((item) => item.topic.id));
  return timelines.filter((t) => topicIds.has(t.topic.id));
}
