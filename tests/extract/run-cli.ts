import { spawnSync } from "node:child_process";
import path from "node:path";

const TSX = path.resolve("node_modules", ".bin", "tsx");

/** Each CLI run starts tsx afresh, which takes a second or two on a slow CI machine. */
export const CLI_TIMEOUT = 60_000;

/** Runs one of the project's CLIs the way `npm run` does, from the project root. */
export function runCli(script: string, args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(TSX, [path.join("src", "cli", script), ...args], { encoding: "utf8", env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
