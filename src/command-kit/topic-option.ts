import type { Choice, CommandDeps } from "./command.js";
import { pickStory } from "../core/pick-story.js";
import { indexStory } from "../core/story-index.js";

/** Completes a thread's name as typed (all threads, up to 25, before anything is typed); shared by /status and /timeline. */
export function completeTopic(typed: string, deps: CommandDeps): Choice[] {
  const story = pickStory(deps.catalog());
  const topics = typed.trim() ? indexStory(story).topics.complete(typed, 25) : story.topics.slice(0, 25);
  return topics.map((t) => ({ name: t.name.slice(0, 100), value: t.name.slice(0, 100) }));
}
