import { UserError } from "./errors.js";
import { createNameIndex } from "./name-index.js";
import type { Catalog, Story } from "./story.js";

/**
 * The story a command is about: the one `story` names, or else the one most recently
 * updated, so a server that follows one story never has to name it.
 */
export function pickStory(catalog: Catalog, name?: string): Story {
  const stories = catalog.stories;
  if (stories.length === 0) throw new UserError("No story is loaded yet.");
  if (!name?.trim()) return [...stories].sort((a, b) => lastUpdate(b).localeCompare(lastUpdate(a)))[0]!;
  const index = storyIndex(catalog);
  const found = index.find(name);
  if (found.length === 1 || (found.length > 1 && found[0]!.id === name)) return found[0]!;
  const names = (found.length > 1 ? found.map((s) => s.title) : stories.map((s) => s.title)).slice(0, 10);
  const prefix = found.length > 1 ? `"${name}" could be several stories` : `No story matches "${name}"`;
  throw new UserError(`${prefix}. Stories: ${names.join("; ")}.`);
}

export function lastUpdate(story: Story): string {
  return story.articles[story.articles.length - 1]?.date ?? "";
}

const indexes = new WeakMap<Catalog, ReturnType<typeof createNameIndex<Story>>>();

export function storyIndex(catalog: Catalog) {
  let index = indexes.get(catalog);
  if (!index) {
    index = createNameIndex(catalog.stories, (s) => [s.id, s.title], (s) => s.title);
    indexes.set(catalog, index);
  }
  return index;
}
