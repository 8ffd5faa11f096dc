// Runs an entry point: a bad setting or bad knowledge ends the process with its message, not a stack trace.
import { ConfigError } from '../config/index.js';
import { KnowledgeError } from '../knowledge/index.js';
import { SlackStartError } from '../slack/index.js';

/** Errors an operator fixes by changing settings or knowledge files; their message says how. */
export function isOperatorError(error: unknown): error is ConfigError | KnowledgeError | SlackStartError {
  return error instanceof ConfigError || error instanceof KnowledgeError || error instanceof SlackStartError;
}

/** Awaits `main`; on an operator error prints its message to stderr and exits 1; other errors propagate. */
export async function runMain(main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (!isOperatorError(error)) throw error;
    process.stderr.write(`briefing-bot: cannot start.\n${error.message}\n`);
    process.exit(1);
  }
}
