// The dependency rule from STYLE.md: the core knows nothing of Slack and never reads the environment.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const CORE = ['knowledge', 'text', 'search', 'answers', 'summary', 'lexicon', 'extract'];
/** What each core module may import of the others: the layers run one way (text and lexicon at the bottom). */
const LAYERS: Record<string, readonly string[]> = {
  knowledge: [],
  lexicon: [],
  text: [],
  search: ['knowledge', 'lexicon', 'text'],
  answers: ['knowledge', 'lexicon', 'text', 'search'],
  summary: ['knowledge', 'text'],
  extract: ['knowledge'],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const coreFiles = CORE.flatMap((m) => {
  try {
    return filesUnder(join(SRC, m));
  } catch {
    return [];
  }
});

describe('the core', () => {
  it('has files to check', () => {
    expect(coreFiles.length).toBeGreaterThan(10);
  });

  it.each(coreFiles.map((f) => [f.slice(SRC.length), f]))('%s imports no Slack, logger or config and reads no env', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/from '@slack\//);
    expect(text).not.toMatch(/from '\.\.\/(?:slack|config|logger)/);
    expect(text).not.toMatch(/process\.env/);
    expect(text).not.toMatch(/console\./);
  });
});

describe('the modules', () => {
  const allFiles = filesUnder(SRC);
  // Another module's file named by an import: `../search/vocabulary.js` from src/answers/x.ts.
  const reachesInto = (file: string): { module: string; target: string }[] =>
    [...readFileSync(file, 'utf8').matchAll(/from '((?:\.\.\/)+)([a-z-]+)\/([a-z-]+)\.js'/gu)].map((m) => ({ module: m[2] ?? '', target: m[3] ?? '' }));

  it.each(allFiles.map((f) => [f.slice(SRC.length), f]))('%s enters another module only through its index.ts', (_name, file) => {
    const own = file.slice(SRC.length).split('/')[0] ?? '';
    const past = reachesInto(file).filter(({ module, target }) => module !== own && CORE.includes(module) && target !== 'index');
    expect(past).toEqual([]);
  });

  it.each(coreFiles.map((f) => [f.slice(SRC.length), f]))('%s imports only the core modules below its own', (_name, file) => {
    const own = file.slice(SRC.length).split('/')[0] ?? '';
    const above = reachesInto(file).filter(({ module }) => module !== own && !(LAYERS[own] ?? []).includes(module));
    expect(above).toEqual([]);
  });
});

describe('the code and the story it ships with', () => {
  // The seed article is data: no code, comment or user-facing text may depend on it (answers must work on any article).
  const SEED_WORDS = /\b(?:putin|xi|jinping|beijing|moscow|russia|russian|china|chinese|kremlin|ukraine|taipei|taiwan|belt and road|bri)\b/iu;
  const allFiles = filesUnder(SRC);

  it.each(allFiles.map((f) => [f.slice(SRC.length), f]))('%s does not name the seed story', (_name, file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const naming = lines.map((line, i) => [i + 1, line] as const).filter(([, line]) => SEED_WORDS.test(line));
    expect(naming.map(([n, line]) => `${n}: ${line.trim()}`)).toEqual([]);
  });
});
