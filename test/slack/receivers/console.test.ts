// The local console end to end: `npm start` with no Slack settings answers typed lines through the same app.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/spawn-bot.js';

// No SLACK_* variables: the console. (CI's clean clone has no .env; a developer's .env would be read here.)
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLACK_') && k !== 'LOG_LEVEL'));

function npmStart(input: string) {
  return spawnSync('npm', ['start', '--silent'], { cwd: ROOT, env: { ...env, NO_COLOR: '1' }, input, encoding: 'utf8', timeout: 60_000 });
}

describe('npm start with no Slack settings', () => {
  const run = npmStart('why is putin going to beijing\n/briefing\n/briefing help\n/summary\n\nWhen is our team offsite?\n/list\n/home\nwhat about sanctions\n/good\n/bad\n/gaps\n/briefing whats the BRI\n/share\n');
  const out = run.stdout;

  it('exits 0 at the end of piped input, with nothing on stderr', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('prints the banner: console, how to ask, how to connect to Slack', () => {
    expect(out).toContain('briefing-bot · local console');
    expect(out).toContain('No Slack settings were found');
    expect(out).toContain('copy .env.example to .env, set SLACK_BOT_TOKEN and SLACK_APP_TOKEN');
    expect(out).toContain('README.md');
  });

  it('answers a question as a mention, in the thread, with its source', () => {
    expect(out).toMatch(/you> why is putin going to beijing\nbriefing-bot \(in #console, in the thread\)\n {2}│ TAIPEI, Taiwan \(AP\)/);
    expect(out).toContain('paragraph 1 · apnews.com');
  });

  it('shows the summary for /briefing, ephemeral, with its Share button listed', () => {
    const reply = out.split('you> /briefing\n')[1] ?? '';
    expect(reply).toMatch(/^briefing-bot \(only visible to you\)/);
    expect(reply).toContain('Key points');
    expect(reply).toContain('[Share in channel]');
  });

  it('shows usage for /briefing help and the daily post for /summary', () => {
    expect(out.split('you> /briefing help\n')[1]).toContain('How to ask');
    expect(out.split('you> /summary\n')[1]).toMatch(/^briefing-bot \(in #console\)\n {2}Chinese President Xi Jinping/);
  });

  it('lists the articles for /list and shows the Home tab for /home', () => {
    expect(out.split('you> /list\n')[1]).toMatch(/^briefing-bot \(only visible to you\)\n.*Articles in the briefing \(1\)/u);
    const home = out.split('you> /home\n')[1] ?? '';
    expect(home).toMatch(/^briefing-bot \(Home tab\)/u);
    expect(home).toContain('Try asking');
    expect(home).toContain('Articles in the briefing');
  });

  it('rates the last answer with /good and /bad, and shows the gap report with /gaps', () => {
    expect(out.split('you> what about sanctions\n')[1]).toContain('[👍] [👎]');
    expect(out.split('you> /bad\n')[1]).toMatch(/^briefing-bot \(only visible to you\)\n.*(Was it one of these\?|Thanks)/u);
    expect(out.split('you> /gaps\n')[1]).toContain('Gaps in the briefing');
  });

  it('says when the briefing does not cover something', () => {
    expect(out.split('you> When is our team offsite?\n')[1]).toContain("I couldn't find that in the briefing");
  });

  it('presses the Share button with /share: the answer is posted to the channel', () => {
    const shared = out.split('you> /share\n')[1] ?? '';
    expect(shared).toMatch(/^briefing-bot \(in #console\)\n {2}@you asked: whats the BRI/);
    expect(shared).toContain('the private reply was removed');
  });
});

describe('the desk in the console', () => {
  it('/briefing add <link> and /add <file> add articles through the same code as Slack, answered at once', async () => {
    const { startPageServer } = await import('../../helpers/page-server.js');
    const { tempDir } = await import('../../helpers/temp-dir.js');
    const { SEED_FILE, SEED_TEXT } = await import('../../helpers/seed.js');
    const web = await startPageServer();
    const dir = tempDir({ [SEED_FILE]: SEED_TEXT });
    const file = join(tempDir(), 'library.md');
    writeFileSync(file, '# Marlow library to close\n\nThe Marlow public library will close on 3 March for eight months while its leaking copper roof is replaced, the county librarian said.\n');
    const input = `/briefing add ${web.origin}/pages/ferry-strike.html\n/add ${file}\nwhen will the marlow library close\n/add ${join(dir, 'missing.pdf')}\n/list\n`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: { ...env, NO_COLOR: '1', KNOWLEDGE_DIR: dir, STATE_DIR: tempDir(), FETCH_ALLOW_PRIVATE: 'true' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.end(input);
    const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
    await web.close();
    expect(code).toBe(0);
    expect(out.split('you> /briefing add')[1]).toMatch(/^[^\n]*\nbriefing-bot \(only visible to you\)\n {2}Added Ferry deckhands walk off the job/u);
    expect(out.split('you> /add')[1]).toMatch(/^[^\n]*\nbriefing-bot \(in your DM\)\n {2}Added Marlow library to close — 1 paragraph/u);
    expect(out.split('you> when will the marlow library close\n')[1]).toContain('leaking copper roof');
    expect(out).toContain('Could not add missing.pdf: the file could not be downloaded (HTTP 404)');
    expect(out.split('you> /list\n')[1]).toContain('Articles in the briefing (3)');
  }, 60_000);
});

describe('threads and the assistant panel in the console', () => {
  it('follow-ups are read with the thread; /assistant opens a panel thread with prompts, a status and a title', async () => {
    const { tempDir } = await import('../../helpers/temp-dir.js');
    const { SEED_FILE, SEED_TEXT } = await import('../../helpers/seed.js');
    const rent = readFileSync(new URL('../../eval/followups/mill-harbor-rent-cap-vote.txt', import.meta.url), 'utf8');
    const dir = tempDir({ [SEED_FILE]: SEED_TEXT, 'mill-harbor-rent-cap-vote.txt': rent });
    const input = 'how much can landlords raise the rent\ntell me more\n/new\n/assistant\nhow much can landlords raise the rent\ntell me more\n';
    const run = spawnSync('npm', ['start', '--silent'], { cwd: ROOT, env: { ...env, NO_COLOR: '1', KNOWLEDGE_DIR: dir, STATE_DIR: tempDir() }, input, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    const [inChannel = '', rest = ''] = run.stdout.split('you> /new\n');
    const inPanel = rest.split('you> /assistant\n')[1] ?? '';
    const sources = (text: string): string[] => [...text.matchAll(/Source: .*? · (paragraph \d+|FAQ \d+)/gu)].map((m) => m[1] ?? '');
    const channel = sources(inChannel);
    expect(channel).toHaveLength(2);
    expect(channel[1]).not.toBe(channel[0]);
    expect(inPanel).toMatch(/Try asking:\n {2}1\. /u);
    expect(inPanel).toContain('briefing-bot is reading the briefing…');
    expect(inPanel).toContain('(the thread is titled “how much can landlords raise the rent”)');
    const panel = sources(inPanel);
    expect(panel).toHaveLength(2);
    expect(panel[1]).not.toBe(panel[0]);
  }, 60_000);
});

describe('leaving the console', () => {
  it('exits 0 on SIGINT (Ctrl-C)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    while (!out.includes('local console')) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
  });

  it('exits 0 on /quit, ignoring what follows', () => {
    const run = npmStart('/quit\nwhat about the arctic\n');
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('Arctic');
  });
});
