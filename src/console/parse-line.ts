import { UserError } from "../core/errors.js";

/**
 * Parses a console line written the way Discord shows a command:
 * `/quote speaker:Dmitry Peskov query:stop dying`, or with a subcommand, `/digest preview since:2025-02-01`.
 */
export interface ParsedLine {
  command: string;
  /** Bare words between the command and its options, e.g. `preview` in `/digest preview`. */
  words: string[];
  options: Record<string, string>;
}

/** A console line that is not a valid command; a UserError, so it is shown, not logged. */
export class LineError extends UserError {
  override name = "LineError";
}

/** The option names a command takes (its subcommands' included), lower-case; undefined for an unknown command. */
export type OptionNames = (command: string) => ReadonlySet<string> | undefined;

const EXAMPLE = "e.g. /quote speaker:Dmitry Peskov query:stop dying";
const OPTION_START = /^([\p{L}\p{N}_-]+):/u;

/**
 * A value runs up to the next `name:` of one of the command's options, as Discord's client
 * moves to the next field when one is typed; so values need no quotes, and a colon in a value
 * (`daily 08:00`, `time: 10:30`) stays in it. Double quotes still work, and let a value hold
 * text that looks like an option. Without `optionNames`, any `word:` after a space starts an option.
 */
export function parseLine(line: string, optionNames?: OptionNames): ParsedLine {
  const text = line.trim();
  const head = /^\/([\p{L}\p{N}_-]+)/u.exec(text);
  if (!head) throw new LineError(`A command starts with / and its name, ${EXAMPLE}.`);
  const command = head[1]!.toLowerCase();
  const known = optionNames?.(command);
  const startsOption = (at: number): string | undefined => {
    const name = OPTION_START.exec(text.slice(at))?.[1]?.toLowerCase();
    return name !== undefined && (known === undefined || known.has(name)) ? name : undefined;
  };
  const parsed: ParsedLine = { command, words: [], options: {} };
  let i = skipSpaces(text, head[0].length);
  if (i === head[0].length && i < text.length) throw new LineError(`Unexpected "${firstWord(text, 0)}": ${EXAMPLE}.`);

  // Bare words first (a subcommand), then options, each a name: and its value.
  while (i < text.length) {
    // The first option may have any name, so an unknown one is reported as unknown, not swallowed.
    const token = OPTION_START.exec(text.slice(i));
    if (token) break;
    const word = firstWord(text, i);
    if (!/^[\p{L}\p{N}_-]+$/u.test(word)) throw new LineError(`Unexpected "${word}": write options as name:value, ${EXAMPLE}.`);
    parsed.words.push(word.toLowerCase());
    i = skipSpaces(text, i + word.length);
  }
  while (i < text.length) {
    const token = OPTION_START.exec(text.slice(i));
    if (!token) throw new LineError(`Unexpected "${firstWord(text, i)}": write options as name:value, ${EXAMPLE}.`);
    const name = token[1]!.toLowerCase();
    if (Object.hasOwn(parsed.options, name)) throw new LineError(`The option ${name} is given twice.`);
    const { value, end } = text[i + token[0].length] === '"' ? readQuoted(text, i + token[0].length, name) : readPlain(text, i + token[0].length, startsOption);
    if (value === "") throw new LineError(`The option ${name} has no value.`);
    // Defined, not assigned: an option named __proto__ must not reach the prototype's setter.
    Object.defineProperty(parsed.options, name, { value, enumerable: true, writable: true, configurable: true });
    i = skipSpaces(text, end);
  }
  return parsed;
}

/** An unquoted value: everything up to the next option's `name:` after a space, trimmed. */
function readPlain(text: string, start: number, startsOption: (at: number) => string | undefined): { value: string; end: number } {
  for (let i = start; i < text.length; i++) {
    if (/\s/.test(text[i]!) && i + 1 < text.length && !/\s/.test(text[i + 1]!) && startsOption(i + 1) !== undefined) {
      return { value: text.slice(start, i).trim(), end: i };
    }
  }
  return { value: text.slice(start).trim(), end: text.length };
}

function readQuoted(text: string, start: number, name: string): { value: string; end: number } {
  let value = "";
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) {
      value += text[i + 1];
      i++;
    } else if (c === '"') {
      if (i + 1 < text.length && !/\s/.test(text[i + 1]!)) {
        throw new LineError(`Expected a space after the closing quote of ${name}.`);
      }
      return { value, end: i + 1 };
    } else {
      value += c;
    }
  }
  throw new LineError(`The value of ${name} opens a quote that never closes.`);
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function firstWord(text: string, from: number): string {
  return text.slice(from).split(/\s/)[0]!;
}
