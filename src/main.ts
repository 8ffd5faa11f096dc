// Entry point: settings → logger → bot (Slack or the local console) → shutdown on SIGTERM/SIGINT.
import { config as loadDotenv } from 'dotenv';
import { startBot, runMain } from './app/index.js';
import { loadConfig } from './config/index.js';
import { createLogger } from './logger.js';

await runMain(async () => {
  const dotenv = loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  logger.info({ envFile: dotenv.error ? 'none' : '.env', mode: config.mode, knowledgeDir: config.knowledgeDir }, 'starting');
  process.on('unhandledRejection', (reason) => logger.error({ err: String(reason) }, 'unhandled rejection'));

  const bot = await startBot(config, { logger });
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    void bot.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // The local console ends with its input (Ctrl-D, /quit, or the end of a pipe).
  void bot.finished?.then(() => shutdown('SIGTERM'));
});
