import { createInterface } from "node:readline";
import type { Command, CommandDeps } from "../command-kit/command.js";
import { UserError } from "../core/errors.js";
import type { Logger } from "../logger.js";
import { renderText } from "./render-text.js";
import { runLine } from "./run-line.js";

/**
 * The interactive console: the same commands as on Discord, typed at a prompt.
 * Resolves when the input ends (Ctrl-D, `exit`) or `stop` is called.
 */
export function runRepl(options: {
  commands: readonly Command[];
  deps: CommandDeps;
  log: Logger;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}): { done: Promise<void>; stop(): void } {
  const output = options.output ?? process.stdout;
  const rl = createInterface({ input: options.input ?? process.stdin, output, prompt: "storyline> ", terminal: output === process.stdout && process.stdout.isTTY });
  const write = (text: string) => output.write(`${text}\n`);
  let queue = Promise.resolve();
  let exited = false;
  let inputClosed = false;
  rl.on("close", () => (inputClosed = true));

  rl.on("line", (raw) => {
    const line = raw.trim();
    // Lines are answered one at a time, in order, even when piped in faster than answered.
    queue = queue.then(async () => {
      // Lines typed ahead of `exit` are not answered after it.
      if (exited) return;
      if (line === "exit" || line === "quit") {
        exited = true;
        return void rl.close();
      }
      if (line !== "") {
        try {
          write(renderText(await runLine(line, options.commands, options.deps)));
        } catch (error) {
          if (error instanceof UserError) write(error.message);
          else {
            options.log.error({ err: error, line }, "Command failed");
            write("Something went wrong; the error is in the log.");
          }
        }
      }
      if (!inputClosed) rl.prompt();
    });
  });
  const done = new Promise<void>((resolve) => rl.on("close", () => void queue.then(resolve)));
  rl.prompt();
  return {
    done,
    stop: () => {
      exited = true;
      rl.close();
    },
  };
}
