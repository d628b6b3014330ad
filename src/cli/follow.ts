import { parseArgs } from "node:util";
import { config as loadDotenv } from "dotenv";
import { readConfig } from "../config.js";
import { openStateDb } from "../digest/state-db.js";
import { followPass } from "../follow/follow-pass.js";
import { fetchSettings } from "../follow/follow-settings.js";
import { followState } from "../follow/follow-state.js";
import { runMain } from "./run-main.js";

/**
 * One pass over the feeds in DATA_DIR/stories/<id>/sources.json, one JSON line per item:
 *   npm run --silent follow -- --once [--story ID]
 * Exit 0 when the pass completed, whatever single items did; 1 when a sources.json
 * (or the story.json beside it) is broken, named on stderr; 2 for a usage error.
 */
const USAGE = "usage: npm run --silent follow -- --once [--story ID]";

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { once: { type: "boolean", default: false }, story: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true });
  if (values.help || !values.once) {
    process.stderr.write(`${USAGE}\n(npm start follows the feeds on its own, every FOLLOW_EVERY.)\n`);
    return values.help ? 0 : 2;
  }
  loadDotenv({ quiet: true });
  const config = readConfig(process.env);
  const db = openStateDb(config.stateDb);
  try {
    const { problems } = await followPass(
      {
        dataDir: config.dataDir,
        state: followState(db),
        fetch: fetchSettings({ ...(config.followContact ? { contact: config.followContact } : {}), now: () => new Date() }),
        everyMs: config.followEveryMs || 15 * 60_000,
        random: Math.random,
      },
      { force: true, ...(values.story !== undefined ? { storyId: values.story } : {}), onLine: (line) => process.stdout.write(`${JSON.stringify(line)}\n`) },
    );
    for (const problem of problems) process.stderr.write(`follow: ${problem}\n`);
    return problems.length > 0 ? 1 : 0;
  } finally {
    db.close();
  }
}

await runMain("follow", main);
