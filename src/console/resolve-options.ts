import { type Command, type OptionDefinition, OptionType, type OptionValue } from "../command-kit/command.js";
import { LineError, type OptionNames, type ParsedLine } from "./parse-line.js";

/** What Discord would hand a command for this line: the command, its subcommand and typed options. */
export interface Invocation {
  command: Command;
  options: Record<string, OptionValue>;
}

/** The names parseLine treats as the start of the next option, as Discord's client knows its fields. */
export function optionNamesOf(commands: readonly Command[]): OptionNames {
  const names = new Map(
    commands.map((c) => {
      const options = c.definition.options ?? [];
      return [c.definition.name, new Set(options.flatMap((o) => [o.name, ...subOptions(o).map((sub) => sub.name)]))] as const;
    }),
  );
  return (command) => names.get(command);
}

/** Checks a parsed line against the command definitions, as Discord's client does before sending it. */
export function resolveInvocation(line: ParsedLine, commands: readonly Command[]): Invocation {
  // Context-menu commands work on a message, which a console line does not have (see /whosaid).
  const typed = commands.filter((c) => (c.definition.type ?? 1) === 1);
  const command = typed.find((c) => c.definition.name === line.command);
  const names = typed.map((c) => `/${c.definition.name}`).join(", ");
  if (!command) throw new LineError(`Unknown command /${line.command}. Commands: ${names}.`);
  const usage = `See /help, or: ${usageOf(command)}`;

  let definitions: readonly OptionDefinition[] = command.definition.options ?? [];
  const options: Record<string, OptionValue> = {};
  const subcommands = definitions.filter((o) => o.type === OptionType.Subcommand);
  const words = [...line.words];
  if (subcommands.length > 0) {
    const word = words.shift();
    const sub = subcommands.find((s) => s.name === word);
    if (!sub) {
      const list = subcommands.map((s) => s.name).join(", ");
      throw new LineError(word ? `Unknown subcommand "${word}" for /${line.command}. Subcommands: ${list}.` : `/${line.command} needs a subcommand: ${list}.`);
    }
    options.subcommand = sub.name;
    definitions = subOptions(sub);
  }
  if (words.length > 0) throw new LineError(`Unexpected "${words[0]}": write options as name:value. ${usage}`);

  for (const [name, raw] of Object.entries(line.options)) {
    const definition = definitions.find((o) => o.name === name);
    if (!definition) {
      const known = definitions.map((o) => o.name).join(", ");
      throw new LineError(`Unknown option "${name}" for /${line.command}. ${known ? `Options: ${known}.` : "It takes no options."}`);
    }
    options[name] = convert(definition, raw, line.command);
  }
  const missing = definitions.find((o) => o.required && !Object.hasOwn(options, o.name));
  if (missing) throw new LineError(`/${line.command} needs ${missing.name}:. ${usage}`);
  return { command, options };
}

function convert(definition: OptionDefinition, raw: string, command: string): OptionValue {
  const where = `${definition.name} in /${command}`;
  let value: OptionValue = raw;
  if (definition.type === OptionType.Integer) {
    if (!/^-?\d+$/.test(raw)) throw new LineError(`${where} must be a whole number, not "${raw}".`);
    value = Number(raw);
  } else if (definition.type === OptionType.Boolean) {
    const lower = raw.toLowerCase();
    if (!["true", "false", "yes", "no"].includes(lower)) throw new LineError(`${where} must be true or false, not "${raw}".`);
    value = lower === "true" || lower === "yes";
  } else {
    if ("max_length" in definition && definition.max_length !== undefined && raw.length > definition.max_length) {
      throw new LineError(`${where} can be at most ${definition.max_length} characters.`);
    }
  }
  const choices = "choices" in definition ? (definition.choices ?? []) : [];
  if (choices.length > 0 && !choices.some((c) => c.value === value)) {
    throw new LineError(`${where} must be one of: ${choices.map((c) => c.value).join(", ")}.`);
  }
  return value;
}

function usageOf(command: Command): string {
  const parts = (command.definition.options ?? []).map((o) => (o.type === OptionType.Subcommand ? o.name : o.required ? `${o.name}:…` : `[${o.name}:…]`));
  return [`/${command.definition.name}`, ...parts].join(" ");
}

function subOptions(option: OptionDefinition): readonly OptionDefinition[] {
  return "options" in option ? (option.options ?? []) : [];
}
