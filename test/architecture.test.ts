// The dependency rule from STYLE.md: the core knows nothing of Slack and never reads the environment.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const CORE = ['knowledge', 'answers', 'summary', 'lexicon'];

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
