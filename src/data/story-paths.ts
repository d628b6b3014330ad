import { lstatSync, realpathSync } from "node:fs";
import path from "node:path";
import { UserError } from "../core/errors.js";

/** The same kebab-case the schema asks of every id, so a folder name is always a valid story id. */
const STORY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 100;

/**
 * The folder of a story inside DATA_DIR, or a UserError. The id is checked twice: by its
 * pattern (no dots, slashes or capitals), and by the resolved path, which must stay under
 * DATA_DIR/stories even when a folder on the way is a symlink.
 */
export function storyDirOf(dataDir: string, storyId: string): string {
  if (!STORY_ID.test(storyId) || storyId.length > MAX_ID_LENGTH) {
    throw new UserError(`"${printable(storyId)}" is not a story id: use lower-case letters, digits and dashes, like "lorrin-valley" (at most ${MAX_ID_LENGTH} characters)`);
  }
  const storiesDir = path.resolve(dataDir, "stories");
  const dir = path.join(storiesDir, storyId);
  const realStories = realOrSelf(storiesDir);
  const realDir = realOrSelf(dir);
  if (path.dirname(realDir) !== realStories || isSymlink(dir)) {
    throw new UserError(`${dir} leads outside ${storiesDir}; a story folder must be a plain folder inside it`);
  }
  return dir;
}

export function isStoryId(value: string): boolean {
  return STORY_ID.test(value) && value.length <= MAX_ID_LENGTH;
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** An id as it may be quoted back: control characters shown as escapes, and clipped. */
function printable(value: string): string {
  const shown = JSON.stringify(value).slice(1, -1);
  return shown.length > 80 ? `${shown.slice(0, 79)}…` : shown;
}
