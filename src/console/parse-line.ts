import { UserError } from "../core/errors.js";

/**
 * Parses a console line written the way Discord shows a command:
 * `/quote speaker:Peskov query:"stop dying"`, or with a subcommand, `/digest preview since:2025-02-01`.
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

const EXAMPLE = 'e.g. /quote speaker:Peskov query:"stop dying"';

export function parseLine(line: string): ParsedLine {
  const text = line.trim();
  const head = /^\/([\p{L}\p{N}_-]+)/u.exec(text);
  if (!head) throw new LineError(`A command starts with / and its name, ${EXAMPLE}.`);
  const parsed: ParsedLine = { command: head[1]!.toLowerCase(), words: [], options: {} };
  let i = head[0].length;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const token = /^([\p{L}\p{N}_-]+)(:?)/u.exec(text.slice(i));
    if (!token || (!token[2] && i + token[0].length < text.length && !/\s/.test(text[i + token[0].length]!))) {
      throw new LineError(`Unexpected "${text.slice(i).split(/\s/)[0]}": write options as name:value, ${EXAMPLE}.`);
    }
    const name = token[1]!;
    i += token[0].length;
    if (!token[2]) {
      if (Object.keys(parsed.options).length > 0) {
        throw new LineError(`"${name}" has no value: write options as name:value, ${EXAMPLE}.`);
      }
      parsed.words.push(name.toLowerCase());
      continue;
    }
    const key = name.toLowerCase();
    if (key in parsed.options) throw new LineError(`The option ${key} is given twice.`);
    const { value, end } = readValue(text, i, key);
    parsed.options[key] = value;
    i = end;
  }
  return parsed;
}

function readValue(text: string, start: number, name: string): { value: string; end: number } {
  if (text[start] !== '"') {
    const end = text.slice(start).search(/\s/);
    const value = end === -1 ? text.slice(start) : text.slice(start, start + end);
    if (value === "") throw new LineError(`The option ${name} has no value; to give one with spaces, use ${name}:"two words".`);
    if (value.includes('"')) throw new LineError(`The value of ${name} has a stray quote; put the whole value in quotes: ${name}:"..."`);
    return { value, end: start + value.length };
  }
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
