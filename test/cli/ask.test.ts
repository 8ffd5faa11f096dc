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
    const { code, stdout } = ask(['--json'], 'When is our team offsite?\n\nis china neutral on the ukraine war\n');
    expect(code).toBe(0);
    const replies = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(replies.map((r) => r.answered)).toEqual([false, true]);
    expect(replies.map((r) => r.outcome)).toEqual(['not-covered', 'answer']);
    expect(replies[0].source).toEqual({});
    expect(replies[1].source.passageId).toBe('putin-visits-xi-in-beijing#p8');
    expect(replies[1].confidence).toBeGreaterThan(replies[0].confidence);
    expect(replies[1].trace).toBeUndefined();
  });

  it('prints a readable answer with its source without --json', () => {
    const { code, stdout } = ask(['is china neutral on the ukraine war']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^“Despite international skepticism/);
    expect(stdout).toContain('(paragraph 8), apnews.com');
  });

  it('explains the decision with --explain: the outcome, the confidence, and each feature times its weight', () => {
    const { code, stdout } = ask(['--explain', 'is china neutral on the ukraine war']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^outcome: answer, confidence 0\.\d{3} \(putin-visits-xi-in-beijing#p8\)$/mu);
    for (const name of ['bias', 'passageCoverage', 'similarity', 'unknownName']) expect(stdout).toMatch(new RegExp(`^  ${name} +-?\\d`, 'mu'));
    // The parts add up to the logit, and the logit gives the confidence.
    const parts = [...stdout.matchAll(/= +(-?\d+\.\d+)$/gmu)].map((m) => Number(m[1]));
    const logit = Number(/logit +(-?\d+\.\d+) → confidence (\d\.\d+)/u.exec(stdout)?.[1]);
    const confidence = Number(/→ confidence (\d\.\d+)/u.exec(stdout)?.[1]);
    expect(Math.abs(parts.reduce((a, b) => a + b, 0) - logit)).toBeLessThan(0.02);
    expect(Math.abs(1 / (1 + Math.exp(-logit)) - confidence)).toBeLessThan(0.002);
    const json = JSON.parse(ask(['--json', '--explain', 'is china neutral on the ukraine war']).stdout);
    expect(json.trace[0]).toMatchObject({ feature: 'bias', value: 1 });
  });

  it('stops with the file and line on bad knowledge', () => {
    const dir = tempDir({ 'bad.txt': 'Para.\n\nFAQ:\nQ: Lonely?\n' });
    const { code, stderr, stdout } = ask(['anything'], '', { KNOWLEDGE_DIR: dir });
    expect(code).not.toBe(0);
    expect(stderr).toContain('bad.txt:4: "Q:" has no "A:" after it');
    expect(stdout).toBe('');
  });
});
