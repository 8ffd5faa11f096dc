// `npm run gaps`: the gap report in the terminal (from STATE_DIR, or Redis with REDIS_URL), with readers' votes;
// `-- --erase` erases what the bot stored for it (questions, gaps, votes); `-- --days N` for another period.
import { loadConfig } from '../config/index.js';
import { GapLog, gapReportText, Votes } from '../feedback/index.js';
import { createLogger } from '../logger.js';
import { runMain } from '../app/index.js';
import { openStore } from '../store/index.js';

await runMain(async () => {
  const config = loadConfig(process.env);
  const store = openStore(config.redisUrl, createLogger({ level: 'warn' }), { stateDir: config.stateDir, retentionDays: config.feedbackRetentionDays });
  try {
    await store.ready(5_000);
    const gaps = new GapLog(store);
    const votes = new Votes(store, 'unused: reading only');
    if (process.argv.includes('--erase')) {
      await gaps.erase();
      await votes.erase();
      console.log('Erased the questions, gaps and votes the bot stored.');
      return;
    }
    const days = Number(process.argv[process.argv.indexOf('--days') + 1] ?? 7);
    await votes.refresh(true);
    const report = await gaps.report(process.argv.includes('--days') && days > 0 ? days : 7);
    console.log(gapReportText({ ...report, feedback: { disliked: votes.mostDisliked(), ...votes.totals() } }));
  } finally {
    await store.close();
  }
});
