// The ask CLI end to end, as people and scripts run it: `npm run --silent ask`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function ask(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync('npm', ['run', '--silent', 'ask', '--', ...args], {
    cwd: ROOT,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run ask', () => {
  it('prints exactly one JSON object for --json, quoting the FAQ answer, logs on stderr only', () => {
    const { code, stdout, stderr } = ask(['--json', 'What is the Belt and Road initiative?']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const reply = JSON.parse(lines[0] ?? '');
    expect(reply.answered).toBe(true);
    expect(reply.answer).toMatch(/^The Belt and Road initiative is a significant development strategy/);
    expect(reply.source).toMatchObject({ location: 'FAQ 1', site: 'apnews.com' });
    expect(Array.isArray(reply.suggestions)).toBe(true);
    expect(stderr).toContain('index built');
  });

  it('reads questions from stdin, one reply per line, skipping blank lines', () => {
    const { code, stdout } = ask(['--json'], 'When is our team offsite?\n\nwhat about the arctic\n');
    expect(code).toBe(0);
    const replies = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(replies.map((r) => r.answered)).toEqual([false, true]);
    expect(replies[0].source).toEqual({});
  });

  it('prints a readable answer with its source without --json', () => {
    const { code, stdout } = ask(['is china neutral on the ukraine war']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^“Despite international skepticism/);
    expect(stdout).toContain('(paragraph 8), apnews.com');
  });

  it('stops with the file and line on bad knowledge', () => {
    const dir = tempDir({ 'bad.txt': 'Para.\n\nFAQ:\nQ: Lonely?\n' });
    const { code, stderr, stdout } = ask(['anything'], '', { KNOWLEDGE_DIR: dir });
    expect(code).not.toBe(0);
    expect(stderr).toContain('bad.txt:4: "Q:" has no "A:" after it');
    expect(stdout).toBe('');
  });
});
