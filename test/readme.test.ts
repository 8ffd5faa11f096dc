// The front door stays true: the README's commands are what CI runs, and every setting is documented.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');
const ci = read('.ci/run');
const envExample = read('.env.example');
const configSource = read('src/config/config.ts') + read('src/config/config-values.ts');

const variablesIn = (text: string, pattern: RegExp): string[] => [...new Set([...text.matchAll(pattern)].map((m) => m[1] ?? ''))].sort();

describe('README and CI', () => {
  it('gives the quick start exactly: npm ci, npm start, npm test', () => {
    const quickStart = readme.split('## Quick start')[1]?.split('\n## ')[0] ?? '';
    expect(quickStart).toMatch(/^npm ci$/m);
    expect(quickStart).toMatch(/^npm start\b/m);
    expect(quickStart).toMatch(/^npm test\b/m);
  });

  it('.ci/run installs with npm ci and runs the README’s test command', () => {
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npm test$/m);
    expect(ci).toMatch(/set -euo pipefail/);
  });
});

describe('settings documentation', () => {
  const readByCode = variablesIn(configSource, /'([A-Z][A-Z_]+)'/g).filter((v) => /^(SLACK|SUMMARY|LOG|KNOWLEDGE|STATE|PORT|REDIS|BRIEFING|FEEDBACK|GAPS|FETCH|EMBEDDINGS)/.test(v));
  const inExample = variablesIn(envExample, /^([A-Z][A-Z_]+)=/gm);
  const inTable = variablesIn(readme.split('## Configuration')[1] ?? '', /^\| `([A-Z][A-Z_]+)`/gm);

  it('.env.example has every variable the code reads, and no other', () => {
    expect(inExample).toEqual(readByCode);
  });

  it('the README table lists the same set', () => {
    expect(inTable).toEqual(inExample);
  });
});
