import { spawn } from "node:child_process";
import path from "node:path";

const TSX = path.resolve("node_modules", ".bin", "tsx");

/**
 * Runs one of the project's CLIs without blocking the test worker: it may be serving a
 * fixture site, and a long synchronous spawn starves vitest's own messages on a busy machine.
 */
export function runCliAsync(script: string, args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [path.join("src", "cli", script), ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
