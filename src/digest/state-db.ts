import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type StateDb = Database.Database;

/**
 * Each entry moves the schema one version on; `PRAGMA user_version` records how far a
 * file has come, so old state files are upgraded in place at start.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE subscriptions (
     id INTEGER PRIMARY KEY,
     guild_id TEXT NOT NULL,
     channel_id TEXT NOT NULL UNIQUE,
     story_id TEXT NOT NULL,
     schedule TEXT NOT NULL,
     cron TEXT NOT NULL,
     timezone TEXT NOT NULL,
     quiet INTEGER NOT NULL,
     created_by TEXT,
     created_at TEXT NOT NULL,
     last_run_at TEXT,
     last_error TEXT,
     failing INTEGER NOT NULL DEFAULT 0
   );
   -- The cursor: the articles a subscription's channel has been told about.
   CREATE TABLE deliveries (
     subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
     article_id TEXT NOT NULL,
     delivered_at TEXT NOT NULL,
     PRIMARY KEY (subscription_id, article_id)
   );
   -- The delivery log: one row per scheduled run, written before posting so a crash can be finished.
   CREATE TABLE runs (
     subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
     slot TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('posting', 'done', 'failed')),
     kind TEXT NOT NULL,
     article_ids TEXT NOT NULL,
     message_ids TEXT NOT NULL DEFAULT '[]',
     error TEXT,
     started_at TEXT NOT NULL,
     finished_at TEXT,
     PRIMARY KEY (subscription_id, slot)
   );`,
];

/** A state file Storyline cannot use, with a message for the operator that names it. */
export class StateDbError extends Error {
  override name = "StateDbError";
}

export interface StateDbOptions {
  /**
   * Hold SQLite's exclusive lock for as long as the file is open, so a second process on the
   * same file fails at start. The operating system drops the lock when the process ends, even
   * in a crash, so nothing is left to clean up. Off in tests that open one file twice.
   */
  exclusive?: boolean;
}

/** How long a new instance waits for the lock, e.g. while the one it replaces finishes exiting. */
const LOCK_WAIT_MS = 2_000;

export function openStateDb(file: string, options: StateDbOptions = {}): StateDb {
  let db: StateDb | undefined;
  try {
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file, { timeout: LOCK_WAIT_MS });
    // Before the first read: in WAL mode, exclusive locking then also skips the shared-memory index.
    if (options.exclusive) db.pragma("locking_mode = EXCLUSIVE");
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrate(db);
    // The lock is taken by the first write and kept until close.
    if (options.exclusive) db.exec("BEGIN EXCLUSIVE; COMMIT");
    return db;
  } catch (error) {
    db?.close();
    throw new StateDbError(stateDbProblem(file, error), { cause: error });
  }
}

/** The operator's view of why the file cannot be used: which file, what is wrong, what to do. */
function stateDbProblem(file: string, error: unknown): string {
  const code = String((error as { code?: unknown }).code ?? "");
  const reason = (error as Error).message;
  const name = `The state file ${file} (STATE_DB)`;
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return `${name} is in use: another Storyline is already running with it. Only one instance may use a state file; stop the other one, or give this one its own STATE_DB.`;
  }
  if (code.startsWith("SQLITE_READONLY") || ["EACCES", "EPERM", "EROFS"].includes(code)) {
    return `${name} is read-only or cannot be written (${reason}). Storyline keeps digest subscriptions there: give it write access to the file and its folder, or set STATE_DB to a writable path.`;
  }
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) {
    return `${name} is not a SQLite database or is damaged (${reason}). Restore it from a backup, or move it aside to start again with no digest subscriptions.`;
  }
  return `${name} cannot be opened: ${reason}.`;
}

function migrate(db: StateDb): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(`it was written by a newer Storyline (schema ${version}; this one knows ${MIGRATIONS.length})`);
  }
  for (let next = version; next < MIGRATIONS.length; next++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[next]!);
      db.pragma(`user_version = ${next + 1}`);
    })();
  }
}
