import type { Command } from "../src/command-kit/command.js";
import { conditions } from "./conditions.js";
import { digest, type DigestServices } from "./digest.js";
import { help } from "./help.js";
import { brief } from "./brief.js";
import { quote } from "./quote.js";
import { status } from "./status.js";
import { timeline } from "./timeline.js";
import { who } from "./who.js";
import { whoSaidMenu, whoSaidText } from "./who-said.js";

/** The services commands declare beyond the story and the clock; the bot provides them, the console none. */
export type CommandServices = DigestServices;

/** Every slash command, listed by hand: what is registered with Discord is exactly this. */
export const commands: readonly Command<CommandServices>[] = [quote, conditions, status, brief, timeline, who, whoSaidText, whoSaidMenu, digest, help];

