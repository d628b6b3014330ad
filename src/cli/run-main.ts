import { UserError } from "../core/errors.js";
import { ConfigError } from "../config.js";

/**
 * The one error handler of the command-line tools: a user's mistake (an unknown option, a bad
 * story id, a broken file, a bad setting) prints its message and exits 2; anything else is a
 * bug and keeps its stack, exit 1.
 */
export async function runMain(name: string, main: (argv: string[]) => Promise<number>, argv = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    if (isUserError(error)) {
      process.stderr.write(`${name}: ${(error as Error).message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${name}: unexpected error\n${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 1;
    }
  }
}

function isUserError(error: unknown): boolean {
  if (error instanceof UserError || error instanceof ConfigError) return true;
  // node:util parseArgs: unknown option, missing value, unexpected positional.
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}
