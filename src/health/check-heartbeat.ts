import { heartbeatProblem } from "./heartbeat.js";

/**
 * The container's health check: `node dist/src/health/check-heartbeat.js [file]` exits 0 when the
 * heartbeat file (default: HEARTBEAT_FILE) was written within the last minute, else 1 saying why.
 */
const problem = heartbeatProblem(process.argv[2] ?? process.env.HEARTBEAT_FILE, Date.now());
process.stdout.write(problem ? `unhealthy: ${problem}\n` : "healthy\n");
process.exitCode = problem ? 1 : 0;
