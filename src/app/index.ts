// The wiring: settings and logger in, a running bot (Slack or the console) out.
export { runMain } from './run-main.js';
export { startBot } from './start-bot.js';
