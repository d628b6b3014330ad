import { mkdtempSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HEARTBEAT, heartbeatProblem, startHeartbeat } from "../../src/health/heartbeat.js";

describe("the heartbeat a container's health check reads", () => {
  it("is written at once, in a folder made for it, and a minute later counts as stale", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "storyline-heartbeat-")), "run", "heartbeat");
    expect(heartbeatProblem(file, Date.now())).toMatch(/^no heartbeat at .* yet/);
    const heartbeat = startHeartbeat(file);
    heartbeat.stop();
    expect(heartbeatProblem(file, Date.now())).toBeUndefined();
    const old = (Date.now() - HEARTBEAT.maxAgeMs - 5_000) / 1000;
    utimesSync(file, old, old);
    expect(heartbeatProblem(file, Date.now())).toMatch(/is 65 s old: the bot is stuck or stopped$/);
  });

  it("says what to set when no file is configured", () => {
    expect(heartbeatProblem(undefined, Date.now())).toBe("no heartbeat file: set HEARTBEAT_FILE");
  });
});
