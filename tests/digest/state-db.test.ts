import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openStateDb, StateDbError } from "../../src/digest/state-db.js";

const stateFile = () => path.join(mkdtempSync(path.join(tmpdir(), "storyline-state-")), "storyline.sqlite");

describe("opening the state file", () => {
  it("exclusively: a second opener is told the file is in use, and may open it once the first closes", () => {
    const file = stateFile();
    const first = openStateDb(file, { exclusive: true });
    const started = Date.now();
    expect(() => openStateDb(file, { exclusive: true })).toThrow(StateDbError);
    expect(() => openStateDb(file, { exclusive: true })).toThrow(`The state file ${file} (STATE_DB) is in use: another Storyline is already running with it`);
    // It waits a little for an instance that is still exiting, not forever.
    expect(Date.now() - started).toBeLessThan(10_000);
    first.close();
    openStateDb(file, { exclusive: true }).close();
  });

  it("names the file when a newer Storyline wrote it", () => {
    const file = stateFile();
    const db = new Database(file);
    db.pragma("user_version = 99");
    db.close();
    expect(() => openStateDb(file)).toThrow(new RegExp(`^The state file ${file} \\(STATE_DB\\) cannot be opened: it was written by a newer Storyline \\(schema 99; this one knows \\d+\\)`));
  });

  it("names the file when its path is a folder", () => {
    const file = path.dirname(stateFile());
    expect(() => openStateDb(file)).toThrow(new RegExp(`^The state file ${file} \\(STATE_DB\\) cannot be opened`));
  });
});
