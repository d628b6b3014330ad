import { spawn } from "node:child_process";
import path from "node:path";

const TSX = path.resolve("node_modules", ".bin", "tsx");

/** Runs one of the project's CLIs without blocking this process, which may be serving a fake meanwhile. */
export function runCliAsync(script: string, args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [path.join("src", "cli", script), ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
